package org.badgebridge.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authorization requests on their way, without a servlet session: state, nonce and PKCE verifier in a row keyed by
 * the state's hash (single use, {@link #TTL}), bound to the browser that started it by a random value in the
 * {@value #COOKIE} cookie ({@code HttpOnly; Secure; SameSite=Lax}, so it comes back on the provider's top-level
 * redirect) whose hash the row keeps. A state that is unknown, used, expired or from another browser is refused.
 */
@Component
class OidcRequests {

	static final String COOKIE = "bb_oidc";

	static final Duration TTL = Duration.ofMinutes(10);

	record Pending(String provider, String purpose, String nonce, String verifier) {
	}

	record Started(String state, String nonce, String verifier, ResponseCookie cookie) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	OidcRequests(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Started start(String provider, String purpose) {
		String state = Secrets.token();
		String browser = Secrets.token();
		String nonce = Secrets.token();
		String verifier = Secrets.token() + Secrets.token();
		long now = clock.millis();
		jdbc.sql("delete from account_oidc_request where expires_at < ?").param(now).update();
		jdbc.sql("insert into account_oidc_request (state_hash, browser_hash, provider, purpose, nonce, verifier, expires_at) values (?,?,?,?,?,?,?)")
				.params(Secrets.hash(state), Secrets.hash(browser), provider, purpose, nonce, verifier, now + TTL.toMillis()).update();
		return new Started(state, nonce, verifier, cookie(browser, TTL));
	}

	/** The request this state and browser started, used up now; empty when there is none. */
	@Transactional
	Optional<Pending> take(String state, String browser) {
		if (state == null || browser == null || state.length() > 64 || browser.length() > 64) {
			return Optional.empty();
		}
		String hash = Secrets.hash(state);
		Optional<Pending> pending = jdbc.sql("select provider, purpose, nonce, verifier from account_oidc_request "
				+ "where state_hash=? and browser_hash=? and expires_at > ?").params(hash, Secrets.hash(browser), clock.millis())
				.query((rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
		if (pending.isEmpty() || jdbc.sql("delete from account_oidc_request where state_hash=?").param(hash).update() != 1) {
			return Optional.empty();
		}
		return pending;
	}

	static ResponseCookie cleared() {
		return cookie("", Duration.ZERO);
	}

	private static ResponseCookie cookie(String value, Duration maxAge) {
		return ResponseCookie.from(COOKIE, value).httpOnly(true).secure(true).sameSite("Lax").path("/").maxAge(maxAge).build();
	}
}
