package org.badgebridge.launch.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * OIDC state and nonce, in the database with a short TTL so that any node can complete a launch another
 * node started. A state is used once: {@link #consume} deletes it, and only the caller whose delete
 * succeeded gets it.
 */
@Component
class LoginStates {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration ttl;

	record LoginState(String state, String nonce, long registrationId, String storageTarget, String authRequest,
			long expiresAt) {
	}

	LoginStates(JdbcClient jdbc, Clock clock, @Value("${badgebridge.lti.state-ttl}") Duration ttl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = ttl;
	}

	LoginState create(long registrationId, String storageTarget, java.util.function.BiFunction<String, String, String> authRequest) {
		String state = random();
		String nonce = random();
		String request = authRequest.apply(state, nonce);
		long expires = clock.millis() + ttl.toMillis();
		jdbc.sql("insert into lti_login_state (state, nonce, registration_id, storage_target, auth_request, expires_at) values (?,?,?,?,?,?)")
				.params(state, nonce, registrationId, storageTarget, request, expires).update();
		return new LoginState(state, nonce, registrationId, storageTarget, request, expires);
	}

	/** A live state, without using it up (for the cookie check before the redirect to the platform). */
	Optional<LoginState> peek(String state) {
		if (state == null || state.length() > 64) {
			return Optional.empty();
		}
		return jdbc.sql("select * from lti_login_state where state=? and expires_at > ?").params(state, clock.millis())
				.query((rs, i) -> new LoginState(rs.getString("state"), rs.getString("nonce"), rs.getLong("registration_id"),
						rs.getString("storage_target"), rs.getString("auth_request"), rs.getLong("expires_at")))
				.optional();
	}

	/** Uses a state up: present only for the first caller, and only while it lives. */
	Optional<LoginState> consume(String state) {
		Optional<LoginState> found = peek(state);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		int deleted = jdbc.sql("delete from lti_login_state where state=?").param(state).update();
		return deleted == 1 ? found : Optional.empty();
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
	void forgetExpired() {
		jdbc.sql("delete from lti_login_state where expires_at < ?").param(clock.millis()).update();
		jdbc.sql("delete from lti_pending_launch where expires_at < ?").param(clock.millis()).update();
	}

	static String random() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
