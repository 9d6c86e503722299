package org.badgebridge.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.platform.Deployment.DeploymentState;

/** All platform registrations and their deployments. */
@Service
public class Registrations {

	private static final Logger log = LoggerFactory.getLogger(Registrations.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final FrameAncestors frameAncestors;

	private final ApplicationEventPublisher events;

	public Registrations(JdbcClient jdbc, Clock clock, FrameAncestors frameAncestors, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.frameAncestors = frameAncestors;
		frameAncestors.bind(this);
	}

	public List<Registration> all() {
		return withDeployments(jdbc.sql("select * from platform_registration order by name, id").query(this::row).list());
	}

	public Optional<Registration> find(long id) {
		return jdbc.sql("select * from platform_registration where id = ?").param(id).query(this::row).optional()
				.map(this::withDeployments);
	}

	public Optional<Registration> find(String issuer, String clientId) {
		return jdbc.sql("select * from platform_registration where issuer = ? and client_id = ?")
				.params(issuer, clientId).query(this::row).optional().map(this::withDeployments);
	}

	public List<Registration> byIssuer(String issuer) {
		return withDeployments(jdbc.sql("select * from platform_registration where issuer = ? order by id")
				.param(issuer).query(this::row).list());
	}

	@Transactional
	public Registration create(RegistrationValues values, String createdBy) {
		RegistrationValues v = RegistrationRules.validate(values);
		long now = clock.millis();
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					insert into platform_registration (issuer, client_id, name, product_family, authorization_endpoint,
					  token_endpoint, token_audience, jwks_uri, frame_origins, state, accept_new_deployments, created_by,
					  created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
					.params(v.issuer(), v.clientId(), v.name(), v.productFamily(), v.authorizationEndpoint(),
							v.tokenEndpoint(), v.tokenAudience(), v.jwksUri(), v.frameOrigins(),
							(v.state() == null ? RegistrationState.PENDING : v.state()).name(), v.deploymentIds().isEmpty(),
							createdBy, now, now)
					.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidRegistrationException("clientId",
					"A registration for issuer " + v.issuer() + " and client " + v.clientId() + " exists already.",
					"admin.error.registration.duplicate", v.issuer(), v.clientId());
		}
		long id = keys.getKey().longValue();
		v.deploymentIds().forEach(d -> addDeployment(id, d, false));
		frameAncestors.invalidate();
		log.info("Registration {} created for {} ({}) by {}", id, v.issuer(), v.clientId(), createdBy);
		events.publishEvent(new RegistrationChanged(id, "CREATED", createdBy));
		return find(id).orElseThrow();
	}

	/** Changes the values of a registration; deployments listed are kept or added, others are removed. */
	public Registration update(long id, RegistrationValues values) {
		return update(id, values, "system");
	}

	/** Changes the values of a registration for the actor named; deployments listed are kept or added, others are removed. */
	@Transactional
	public Registration update(long id, RegistrationValues values, String actor) {
		Registration existing = find(id).orElseThrow(() -> new InvalidRegistrationException("id", "No registration " + id));
		RegistrationValues v = RegistrationRules.validate(values);
		try {
			jdbc.sql("""
					update platform_registration set issuer=?, client_id=?, name=?, product_family=?, authorization_endpoint=?,
					  token_endpoint=?, token_audience=?, jwks_uri=?, frame_origins=?, state=?, updated_at=? where id=?""")
					.params(v.issuer(), v.clientId(), v.name(), v.productFamily(), v.authorizationEndpoint(),
							v.tokenEndpoint(), v.tokenAudience(), v.jwksUri(), v.frameOrigins(),
							(v.state() == null ? existing.state() : v.state()).name(), clock.millis(), id)
					.update();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidRegistrationException("clientId",
					"A registration for issuer " + v.issuer() + " and client " + v.clientId() + " exists already.",
					"admin.error.registration.duplicate", v.issuer(), v.clientId());
		}
		Set<String> wanted = new LinkedHashSet<>(v.deploymentIds());
		for (Deployment d : existing.deployments()) {
			if (!wanted.remove(d.deploymentId()) && !d.recordedAtLaunch()) {
				jdbc.sql("delete from platform_deployment where id = ?").param(d.id()).update();
			}
		}
		wanted.forEach(d -> addDeployment(id, d, false));
		frameAncestors.invalidate();
		events.publishEvent(new RegistrationChanged(id, "UPDATED", actor));
		return find(id).orElseThrow();
	}

	/** Adds a deployment id (no-op when known), as Dynamic Registration "update" does. */
	@Transactional
	public void addDeploymentIfMissing(long registrationId, String deploymentId) {
		if (deploymentId == null || deploymentId.isBlank()) {
			return;
		}
		Integer n = jdbc.sql("select count(*) from platform_deployment where registration_id=? and deployment_id=?")
				.params(registrationId, deploymentId).query(Integer.class).single();
		if (n == 0) {
			addDeployment(registrationId, deploymentId, false);
		}
	}

	public void setState(long id, RegistrationState state) {
		setState(id, state, "system");
	}

	@Transactional
	public void setState(long id, RegistrationState state, String actor) {
		int n = jdbc.sql("update platform_registration set state=?, updated_at=? where id=?")
				.params(state.name(), clock.millis(), id).update();
		if (n == 0) {
			throw new InvalidRegistrationException("id", "No registration " + id);
		}
		frameAncestors.invalidate();
		log.info("Registration {} is now {}", id, state);
		events.publishEvent(new RegistrationChanged(id, "STATE_" + state.name(), actor));
	}

	public void setDeploymentState(long registrationId, long deploymentPk, DeploymentState state) {
		setDeploymentState(registrationId, deploymentPk, state, "system");
	}

	@Transactional
	public void setDeploymentState(long registrationId, long deploymentPk, DeploymentState state, String actor) {
		if (jdbc.sql("update platform_deployment set state=? where id=? and registration_id=?")
				.params(state.name(), deploymentPk, registrationId).update() > 0) {
			events.publishEvent(new RegistrationChanged(registrationId, "DEPLOYMENT_" + state.name(), actor));
		}
	}

	public void setAcceptNewDeployments(long id, boolean accept) {
		jdbc.sql("update platform_registration set accept_new_deployments=?, updated_at=? where id=?")
				.params(accept, clock.millis(), id).update();
	}

	@Transactional
	public boolean delete(long id, String actor) {
		jdbc.sql("delete from platform_deployment where registration_id=?").param(id).update();
		boolean deleted = jdbc.sql("delete from platform_registration where id=?").param(id).update() > 0;
		frameAncestors.invalidate();
		if (deleted) {
			events.publishEvent(new RegistrationChanged(id, "DELETED", actor));
		}
		return deleted;
	}

	/**
	 * Checks a launch's deployment id. An unknown one is recorded (and accepted) only where the registration
	 * was made without a deployment id, as Canvas registrations are.
	 */
	public DeploymentCheck checkDeployment(Registration registration, String deploymentId) {
		for (Deployment d : registration.deployments()) {
			if (d.deploymentId().equals(deploymentId)) {
				return d.isActive() ? DeploymentCheck.ACCEPTED : DeploymentCheck.DISABLED;
			}
		}
		if (!registration.acceptNewDeployments()) {
			return DeploymentCheck.UNKNOWN;
		}
		try {
			addDeployment(registration.id(), deploymentId, true);
			log.info("New deployment {} recorded at first launch for {}", deploymentId, registration.describe());
		}
		catch (DuplicateKeyException ex) {
			// another node recorded it a moment ago: look again, it may be disabled already
			return find(registration.id()).map(r -> checkDeployment(r, deploymentId)).orElse(DeploymentCheck.UNKNOWN);
		}
		return DeploymentCheck.RECORDED;
	}

	private void addDeployment(long registrationId, String deploymentId, boolean atLaunch) {
		jdbc.sql("insert into platform_deployment (registration_id, deployment_id, state, recorded_at_launch, created_at) values (?,?,?,?,?)")
				.params(registrationId, deploymentId, DeploymentState.ACTIVE.name(), atLaunch, clock.millis()).update();
	}

	private List<Registration> withDeployments(List<Registration> registrations) {
		return registrations.stream().map(this::withDeployments).toList();
	}

	private Registration withDeployments(Registration r) {
		List<Deployment> deployments = jdbc.sql("select * from platform_deployment where registration_id = ? order by id")
				.param(r.id())
				.query((rs, i) -> new Deployment(rs.getLong("id"), rs.getString("deployment_id"),
						DeploymentState.valueOf(rs.getString("state")), rs.getBoolean("recorded_at_launch"),
						Instant.ofEpochMilli(rs.getLong("created_at"))))
				.list();
		return new Registration(r.id(), r.issuer(), r.clientId(), r.name(), r.productFamily(), r.authorizationEndpoint(),
				r.tokenEndpoint(), r.tokenAudience(), r.jwksUri(), r.frameOrigins(), r.state(), r.acceptNewDeployments(),
				r.createdBy(), r.createdAt(), r.updatedAt(), deployments);
	}

	private Registration row(ResultSet rs, int i) throws SQLException {
		return new Registration(rs.getLong("id"), rs.getString("issuer"), rs.getString("client_id"), rs.getString("name"),
				rs.getString("product_family"), rs.getString("authorization_endpoint"), rs.getString("token_endpoint"),
				rs.getString("token_audience"), rs.getString("jwks_uri"), rs.getString("frame_origins"),
				RegistrationState.valueOf(rs.getString("state")), rs.getBoolean("accept_new_deployments"),
				rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")),
				Instant.ofEpochMilli(rs.getLong("updated_at")), List.of());
	}
}
