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

import org.badgebridge.web.AdminSignIns;

/**
 * Admins signed in through an OpenID Connect provider (its admin claim held): a random id in the {@value #COOKIE}
 * cookie ({@code HttpOnly; Secure; SameSite=Lax}), only its hash stored, with an expiry.
 */
@Component
class AdminSessions implements AdminSignIns {

	static final String COOKIE = "bb_admin";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration ttl;

	AdminSessions(JdbcClient jdbc, Clock clock, @Value("${badgebridge.oidc.admin-session-ttl:PT8H}") Duration ttl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = ttl;
	}

	ResponseCookie open(String name, String issuer, String subject) {
		String id = Secrets.token();
		long now = clock.millis();
		jdbc.sql("delete from account_admin_session where expires_at < ?").param(now).update();
		jdbc.sql("insert into account_admin_session (id_hash, name, issuer, subject, created_at, expires_at) values (?,?,?,?,?,?)")
				.params(Secrets.hash(id), name, issuer, subject, now, now + ttl.toMillis()).update();
		return cookie(id, ttl);
	}

	@Override
	public Optional<String> adminName(HttpServletRequest request) {
		return value(request).flatMap(id -> jdbc.sql("select name from account_admin_session where id_hash=? and expires_at > ?")
				.params(Secrets.hash(id), clock.millis()).query(String.class).optional());
	}

	ResponseCookie close(HttpServletRequest request) {
		value(request).ifPresent(id -> jdbc.sql("delete from account_admin_session where id_hash=?").param(Secrets.hash(id)).update());
		return cookie("", Duration.ZERO);
	}

	private static Optional<String> value(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return Optional.empty();
		}
		for (Cookie c : request.getCookies()) {
			if (COOKIE.equals(c.getName()) && !c.getValue().isEmpty() && c.getValue().length() <= 64) {
				return Optional.of(c.getValue());
			}
		}
		return Optional.empty();
	}

	private static ResponseCookie cookie(String value, Duration maxAge) {
		return ResponseCookie.from(COOKIE, value).httpOnly(true).secure(true).sameSite("Lax").path("/").maxAge(maxAge).build();
	}
}
