package org.badgebridge.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.badgebridge.web.AdminSignIns;
import org.badgebridge.web.AdminSignedIn;
import org.badgebridge.web.SessionCookies;

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

	private final OidcSettings settings;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	AdminSessions(JdbcClient jdbc, Clock clock, @Value("${badgebridge.oidc.admin-session-ttl:PT8H}") Duration ttl,
			OidcSettings settings, org.springframework.context.ApplicationEventPublisher events,
			org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.settings = settings;
		this.events = events;
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = ttl;
	}

	/** Starts the session and publishes {@link AdminSignedIn} ({@code oidc}) in the same transaction. */
	ResponseCookie open(String name, String issuer, String subject, String address) {
		String id = Secrets.token();
		long now = clock.millis();
		transactions.executeWithoutResult(status -> {
			jdbc.sql("delete from account_admin_session where expires_at < ?").param(now).update();
			jdbc.sql("insert into account_admin_session (id_hash, name, issuer, subject, created_at, expires_at) values (?,?,?,?,?,?)")
					.params(Secrets.hash(id), name, issuer, subject, now, now + ttl.toMillis()).update();
			events.publishEvent(new AdminSignedIn(name, "oidc", address));
		});
		return cookie(id, ttl);
	}

	/** The providers admins may sign in with, for the sign-in form's "Sign in with ..." links. */
	@Override
	public java.util.List<Link> links() {
		if (!settings.adminSignIn()) {
			return java.util.List.of();
		}
		return settings.providers().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
				.map(e -> new Link(e.getValue().name(e.getKey()), OidcSignInController.ADMIN_START.replace("{provider}", e.getKey())))
				.toList();
	}

	@Override
	public Optional<ResponseCookie> end(HttpServletRequest request) {
		return Optional.of(close(request));
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
		return SessionCookies.value(request, COOKIE);
	}

	private static ResponseCookie cookie(String value, Duration maxAge) {
		return SessionCookies.cookie(COOKIE, value, maxAge);
	}
}
