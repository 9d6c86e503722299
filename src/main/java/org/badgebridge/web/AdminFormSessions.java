package org.badgebridge.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Admins signed in by the sign-in form: a random id (256 bits) in the {@value #COOKIE} cookie ({@code HttpOnly; Secure;
 * SameSite=Lax; Path=/}), only its SHA-256 stored in {@code admin_session}; a session ends after
 * {@code badgebridge.admin.session-idle} without a request, at {@code badgebridge.admin.session-max} after the sign-in,
 * or at sign-out. No servlet session.
 */
@Component
class AdminFormSessions implements AdminSignIns {

	static final String COOKIE = "bb_admin_form";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration idle;

	private final Duration max;

	AdminFormSessions(JdbcClient jdbc, Clock clock, @Value("${badgebridge.admin.session-idle:PT30M}") Duration idle,
			@Value("${badgebridge.admin.session-max:PT8H}") Duration max) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.idle = idle;
		this.max = max;
	}

	/** Starts a session (the caller's transaction) and answers the cookie that carries it. */
	ResponseCookie open(String username, String address) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long now = clock.millis();
		jdbc.sql("delete from admin_session where expires_at < ? or last_seen_at < ?").params(now, now - idle.toMillis()).update();
		jdbc.sql("insert into admin_session (id_hash, username, address, created_at, last_seen_at, expires_at) values (?,?,?,?,?,?)")
				.params(hash(id), username, address.length() > 64 ? address.substring(0, 64) : address, now, now, now + max.toMillis())
				.update();
		return cookie(id, max);
	}

	@Override
	public Optional<String> adminName(HttpServletRequest request) {
		return value(request).flatMap(id -> {
			long now = clock.millis();
			String hash = hash(id);
			Optional<String> name = jdbc.sql("select username from admin_session where id_hash=? and expires_at > ? and last_seen_at > ?")
					.params(hash, now, now - idle.toMillis()).query(String.class).optional();
			name.ifPresent(n -> jdbc.sql("update admin_session set last_seen_at=? where id_hash=?").params(now, hash).update());
			return name;
		});
	}

	@Override
	public Optional<ResponseCookie> end(HttpServletRequest request) {
		value(request).ifPresent(id -> jdbc.sql("delete from admin_session where id_hash=?").param(hash(id)).update());
		return Optional.of(cookie("", Duration.ZERO));
	}

	private static Optional<String> value(HttpServletRequest request) {
		return SessionCookies.value(request, COOKIE);
	}

	private static ResponseCookie cookie(String value, Duration maxAge) {
		return SessionCookies.cookie(COOKIE, value, maxAge);
	}

	static String hash(String id) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
