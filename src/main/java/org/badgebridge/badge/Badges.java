package org.badgebridge.badge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Badge classes and the course they belong to. */
@Service
public class Badges {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final Issuers issuers;

	public Badges(JdbcClient jdbc, Clock clock, org.springframework.context.ApplicationEventPublisher events, Issuers issuers) {
		this.issuers = issuers;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** Sets a badge's criteria (validated on the way in); a badge with criteria changed keeps its awards. */
	public BadgeClass setCriteria(String id, Criteria criteria) {
		String json = CriteriaJson.write(criteria);
		if (jdbc.sql("update badge_class set criteria=?, updated_at=? where id=?").params(json, clock.millis(), id).update() == 0) {
			throw new InvalidBadgeException("No badge " + id + ".");
		}
		return find(id).orElseThrow();
	}

	/** Name, description, criteria narrative and the EU micro-credential elements. */
	public BadgeClass update(String id, String name, String description, BadgeDetails details) {
		String n = name == null ? "" : name.trim();
		if (n.isEmpty() || n.length() > 255) {
			throw new InvalidBadgeException("A badge needs a name of at most 255 characters.", "common.error.badge.nameLength");
		}
		String d = description == null ? "" : description.trim();
		if (d.length() > 4000) {
			throw new InvalidBadgeException("A badge description is at most 4000 characters.", "common.error.badge.description");
		}
		BadgeDetails v = details.validated();
		BadgeClass current = find(id).orElseThrow(() -> new InvalidBadgeException("No badge " + id + "."));
		java.util.List<String> missing = v.withIssuer(issuer(current)).missingForMicroCredential();
		if (current.active() && !missing.isEmpty()) {
			throw new InvalidBadgeException("Awarding is on: a micro-credential keeps every mandatory EU element. Missing: "
					+ String.join(", ", missing) + ".", "common.error.badge.euKept", String.join(", ", missing));
		}
		jdbc.sql("""
				update badge_class set name=?, description=?, criteria_narrative=?, micro_credential=?, learning_outcomes=?,
				  workload_value=?, workload_unit=?, eqf_level=?, assessment_type=?, participation=?, quality_assurance=?, language=?,
				  prerequisites=?, stackability=?, expiry_months=?, awarding_body=?, country=?, updated_at=? where id=?""")
				.params(n, d, v.criteriaNarrative(), v.microCredential(), v.learningOutcomes(), v.workloadValue(), v.workloadUnit(),
						v.eqfLevel(), v.assessmentType(), v.participation(), v.qualityAssurance(), v.language(), v.prerequisites(),
						v.stackability(), v.expiryMonths(), v.awardingBody(), v.country(), clock.millis(), id)
				.update();
		return find(id).orElseThrow();
	}

	/** Switches automatic awarding on or off. On needs criteria, and for a micro-credential every mandatory EU element. */
	@org.springframework.transaction.annotation.Transactional
	public BadgeClass setActive(String id, boolean active) {
		BadgeClass badge = find(id).orElseThrow(() -> new InvalidBadgeException("No badge " + id + "."));
		if (active && !badge.hasCriteria()) {
			throw new InvalidBadgeException("Set the badge's criteria before switching awarding on.", "common.error.badge.noCriteria");
		}
		java.util.List<String> missing = badge.details().withIssuer(issuer(badge)).missingForMicroCredential();
		if (active && !missing.isEmpty()) {
			throw new InvalidBadgeException("A micro-credential needs every mandatory EU element before awarding can be switched on. "
					+ "Missing: " + String.join(", ", missing) + ".", "common.error.badge.euMissing", String.join(", ", missing));
		}
		jdbc.sql("update badge_class set active=?, updated_at=? where id=?").params(active, clock.millis(), id).update();
		if (active && !badge.active() && badge.contextId() != null) {
			events.publishEvent(new BadgeActivated(id, badge.contextId()));
		}
		return find(id).orElseThrow();
	}

	/** Lists the badge in the public catalogue, or takes it out. */
	public void setInCatalogue(String id, boolean listed) {
		jdbc.sql("update badge_class set in_catalogue=?, updated_at=? where id=?").params(listed, clock.millis(), id).update();
	}

	public boolean inCatalogue(String id) {
		return jdbc.sql("select in_catalogue from badge_class where id=?").param(id).query(Boolean.class).optional().orElse(false);
	}

	/** The badge's awarding body. */
	public IssuerProfile issuer(BadgeClass badge) {
		return badge.issuerId() == null ? issuers.defaultIssuer() : issuers.find(badge.issuerId()).orElseGet(issuers::defaultIssuer);
	}

	public java.util.List<BadgeClass> activeForContext(long contextId) {
		return forContext(contextId).stream().filter(BadgeClass::active).toList();
	}

	public BadgeClass create(String name, String description, long contextId, String createdBy) {
		return create(name, description, contextId, createdBy, null);
	}

	/** A badge of a course, issued by the registration's issuer profile (else the default one). */
	public BadgeClass create(String name, String description, long contextId, String createdBy, Long registrationId) {
		String n = name == null ? "" : name.trim();
		if (n.isEmpty()) {
			throw new InvalidBadgeException("A badge needs a name.", "common.error.badge.name");
		}
		if (n.length() > 255) {
			throw new InvalidBadgeException("A badge name is at most 255 characters.", "common.error.badge.nameLength");
		}
		String d = description == null ? "" : description.trim();
		if (d.length() > 4000) {
			throw new InvalidBadgeException("A badge description is at most 4000 characters.", "common.error.badge.description");
		}
		String id = UUID.randomUUID().toString();
		long now = clock.millis();
		jdbc.sql("insert into badge_class (id, name, description, context_id, created_by, created_at, updated_at, issuer_id) values (?,?,?,?,?,?,?,?)")
				.params(id, n, d, contextId, createdBy, now, now, issuers.forRegistration(registrationId).id()).update();
		return find(id).orElseThrow();
	}

	public Optional<BadgeClass> find(String id) {
		if (id == null || id.length() > 36) {
			return Optional.empty();
		}
		return jdbc.sql("select * from badge_class where id=?").param(id).query(this::row).optional();
	}

	public List<BadgeClass> forContext(long contextId) {
		return jdbc.sql("select * from badge_class where context_id=? order by created_at, id").param(contextId)
				.query(this::row).list();
	}

	BadgeClass row(ResultSet rs, int i) throws SQLException {
		return new BadgeClass(rs.getString("id"), rs.getString("name"), rs.getString("description"),
				rs.getObject("context_id") == null ? null : rs.getLong("context_id"), rs.getString("created_by"),
				Instant.ofEpochMilli(rs.getLong("created_at")),
				rs.getString("criteria") == null ? null : CriteriaJson.read(rs.getString("criteria")), rs.getBoolean("active"),
				new BadgeDetails(rs.getString("criteria_narrative"), rs.getBoolean("micro_credential"), rs.getString("learning_outcomes"),
						rs.getObject("workload_value", Double.class), rs.getString("workload_unit"), rs.getString("eqf_level"),
						rs.getString("assessment_type"), rs.getString("participation"), rs.getString("quality_assurance"),
						rs.getString("language"), rs.getString("prerequisites"), rs.getString("stackability"),
						rs.getObject("expiry_months", Integer.class), rs.getString("awarding_body"), rs.getString("country")),
				rs.getObject("issuer_id", Long.class));
	}
}
