package org.badgebridge.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.badgebridge.account.BackpackHolder;

/**
 * Backpack sessions: a random id in a {@value #COOKIE} cookie ({@code HttpOnly; Secure; SameSite=Lax}: the backpack
 * is a top-level page, never in the LMS frame), only its hash stored with the account and an expiry; signing out
 * deletes the row. No servlet session.
 */
@Component
class BackpackSessions {

	static final String COOKIE = "bb_backpack";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration ttl;

	BackpackSessions(JdbcClient jdbc, Clock clock, @Value("${badgebridge.account.session-ttl:PT12H}") Duration ttl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = ttl;
	}

	/** Opens a session for the account; returns the cookie that carries it. */
	ResponseCookie open(String accountId) {
		String id = Secrets.token();
		long now = clock.millis();
		jdbc.sql("delete from account_session where expires_at < ?").param(now).update();
		jdbc.sql("insert into account_session (id_hash, account_id, created_at, expires_at) values (?,?,?,?)")
				.params(Secrets.hash(id), accountId, now, now + ttl.toMillis()).update();
		return cookie(id, ttl);
	}

	/** The holder of the request's live session, if any. */
	Optional<BackpackHolder> holder(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return Optional.empty();
		}
		for (Cookie cookie : request.getCookies()) {
			if (COOKIE.equals(cookie.getName()) && cookie.getValue().length() <= 64) {
				String hash = Secrets.hash(cookie.getValue());
				Optional<BackpackHolder> holder = jdbc.sql("""
						select s.account_id from account_session s join account a on a.id = s.account_id
						where s.id_hash=? and s.expires_at > ? and a.merged_into is null""").params(hash, clock.millis())
						.query(String.class).optional().map(account -> new BackpackHolder(account, hash));
				if (holder.isPresent()) {
					return holder;
				}
			}
		}
		return Optional.empty();
	}

	/** Ends the holder's session; returns the cookie that clears it in the browser. */
	ResponseCookie close(BackpackHolder holder) {
		jdbc.sql("delete from account_session where id_hash=?").param(holder.sessionHash()).update();
		return cookie("", Duration.ZERO);
	}

	private static ResponseCookie cookie(String value, Duration maxAge) {
		return ResponseCookie.from(COOKIE, value).httpOnly(true).secure(true).sameSite("Lax").path("/").maxAge(maxAge).build();
	}
}
