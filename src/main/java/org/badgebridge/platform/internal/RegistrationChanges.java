package org.badgebridge.platform.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationChanged;
import org.badgebridge.platform.Registrations;

/**
 * Changes proposed for existing registrations, waiting for the tool admin: at most one per registration (a newer
 * proposal replaces an older one). Approving applies it through {@link Registrations}; rejecting drops it.
 */
@Service
class RegistrationChanges {

	private static final Logger log = LoggerFactory.getLogger(RegistrationChanges.class);

	private final JdbcClient jdbc;

	private final Registrations registrations;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	RegistrationChanges(JdbcClient jdbc, Registrations registrations, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.registrations = registrations;
		this.clock = clock;
	}

	/** Keeps the proposal (replacing an older one) without changing anything in force. */
	@Transactional
	RegistrationChange propose(Registration r, RegistrationChange proposed) {
		RegistrationChange change = new RegistrationChange(r.id(), proposed.productFamily(), proposed.authorizationEndpoint(),
				proposed.tokenEndpoint(), proposed.tokenAudience(), proposed.jwksUri(), proposed.deploymentId(),
				Instant.ofEpochMilli(clock.millis()));
		jdbc.sql("delete from platform_registration_change where registration_id=?").param(r.id()).update();
		jdbc.sql("""
				insert into platform_registration_change (registration_id, product_family, authorization_endpoint,
				  token_endpoint, token_audience, jwks_uri, deployment_id, requested_at) values (?,?,?,?,?,?,?,?)""")
				.params(r.id(), change.productFamily(), change.authorizationEndpoint(), change.tokenEndpoint(),
						change.tokenAudience(), change.jwksUri(), change.deploymentId(), change.requestedAt().toEpochMilli())
				.update();
		events.publishEvent(new RegistrationChanged(r.id(), "CHANGE_PROPOSED", "dynamic-registration"));
		log.warn("Dynamic Registration proposed new values for registration {} ({}); they wait for an admin", r.id(),
				r.describe());
		return change;
	}

	Optional<RegistrationChange> find(long registrationId) {
		return jdbc.sql("select * from platform_registration_change where registration_id=?").param(registrationId)
				.query((rs, i) -> new RegistrationChange(rs.getLong("registration_id"), rs.getString("product_family"),
						rs.getString("authorization_endpoint"), rs.getString("token_endpoint"), rs.getString("token_audience"),
						rs.getString("jwks_uri"), rs.getString("deployment_id"), Instant.ofEpochMilli(rs.getLong("requested_at"))))
				.optional();
	}

	/** Puts the proposed values in force; false when nothing was waiting. */
	@Transactional
	boolean approve(long registrationId, String actor) {
		Optional<RegistrationChange> change = find(registrationId);
		Optional<Registration> registration = registrations.find(registrationId);
		if (change.isEmpty() || registration.isEmpty()) {
			return false;
		}
		registrations.update(registrationId, change.get().appliedTo(registration.get()), actor);
		drop(registrationId);
		events.publishEvent(new RegistrationChanged(registrationId, "CHANGE_APPROVED", actor));
		log.info("Admin approved the proposed values of registration {} ({})", registrationId, registration.get().describe());
		return true;
	}

	/** Drops the proposal; false when nothing was waiting. */
	@Transactional
	boolean reject(long registrationId, String actor) {
		boolean dropped = drop(registrationId);
		if (dropped) {
			events.publishEvent(new RegistrationChanged(registrationId, "CHANGE_REJECTED", actor));
			log.info("Admin rejected the proposed values of registration {}", registrationId);
		}
		return dropped;
	}

	private boolean drop(long registrationId) {
		return jdbc.sql("delete from platform_registration_change where registration_id=?").param(registrationId).update() > 0;
	}
}
