package org.badgebridge.audit.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import org.badgebridge.award.ApprovalWorkflow;
import org.badgebridge.award.Approvals;
import org.badgebridge.award.Award;
import org.badgebridge.award.AwardHolds;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Criteria;
import org.badgebridge.badge.Criterion;
import org.badgebridge.credential.CredentialKeysRotated;
import org.badgebridge.infrastructure.Correlation;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;
import org.badgebridge.platform.ToolKeysRotated;
import org.badgebridge.web.AdminSignedIn;
import org.badgebridge.support.CourseActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every change of awards, approvals and registrations leaves one audit row, written by the real domain call in its own
 * transaction: with who (kind and name), the course and badge as text, the person (an LMS subject), the award, a short
 * detail and the correlation id in force. A change rolled back leaves no row; a row that cannot be written rolls the
 * change back.
 */
@SpringBootTest
@ActiveProfiles("test")
class AuditTrailIntegrationTest {

	static final String COLUMN = "https://lms.example.edu/lineitems/audit";

	@Autowired
	CourseActors actors;

	@Autowired
	Awards awards;

	@Autowired
	AwardHolds holds;

	@Autowired
	Approvals approvals;

	@Autowired
	ApprovalWorkflow workflow;

	@Autowired
	Badges badges;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	CourseActors.Cast cast;

	@BeforeEach
	void course() {
		cast = actors.cast();
	}

	@Test
	void anAwardBySyncIsRecordedAsTheSystemsWithTheCourseBadgeLearnerAndCorrelation() {
		long context = cast.badge().contextId();
		jdbc.sql("insert into course_line_item (context_id, url_hash, lineitem_url, label, score_maximum, tag, last_seen_at) values (?,?,?,?,?,?,?)")
				.params(context, String.format("%064d", context), COLUMN, "Final project", 100.0, "badgebridge", 1L).update();
		long line = jdbc.sql("select id from course_line_item where context_id=? and lineitem_url=?").params(context, COLUMN)
				.query(Long.class).single();
		badges.setCriteria(cast.badge().id(), new Criteria(new Criterion.ScoreRule("r", new Criterion.Column(COLUMN, null,
				"badgebridge", "Final project"), Criterion.Threshold.PERCENT, 80), null));
		jdbc.sql("update course_member set in_roster=true where context_id=?").param(context).update();
		jdbc.sql("update badge_class set active=true where id=?").param(cast.badge().id()).update();
		jdbc.sql("insert into course_result (line_item_id, user_sub, score, maximum, result_at, changed_at) values (?,?,?,?,?,?)")
				.params(line, "s2", 90.0, 100.0, 1L, 1L).update();
		try (var correlation = Correlation.open("sync-audit-1")) {
			assertThat(awards.evaluateCourse(context)).isEqualTo(1);
		}
		Award award = awards.forLearner(cast.badge().id(), context, "s2").orElseThrow();
		Map<String, Object> row = only(award.id(), "AWARDED");
		assertThat(row).containsEntry("ACTOR_KIND", "SYSTEM").containsEntry("ACTOR_NAME", "system").containsEntry("PERSON", "s2")
				.containsEntry("BADGE_ID", cast.badge().id()).containsEntry("BADGE_NAME", "Data Literacy")
				.containsEntry("COURSE_TITLE", "Course course-1").containsEntry("CORRELATION_ID", "sync-audit-1")
				.containsEntry("DETAIL", "Met the criteria");
		assertThat(((Number) row.get("CONTEXT_ID")).longValue()).isEqualTo(context);
		assertThat(((Number) row.get("REGISTRATION_ID")).longValue()).isEqualTo(cast.platformA().id());
	}

	@Test
	void anAwardByHandARevocationASuspensionAndAReinstatementAreEachRecordedWithTheTeacher() {
		Award award = awards.awardByHand(cast.badge().id(), "s2", "teacher:t1 (Terry)", "Presented in class").orElseThrow();
		assertThat(only(award.id(), "AWARDED_BY_HAND")).containsEntry("ACTOR_KIND", "TEACHER")
				.containsEntry("ACTOR_NAME", "teacher:t1 (Terry)").containsEntry("DETAIL", "Presented in class").containsEntry("PERSON", "s2");
		holds.suspend(award.id(), "teacher:t1", "Appeal running");
		assertThat(only(award.id(), "SUSPENDED")).containsEntry("ACTOR_KIND", "TEACHER").containsEntry("DETAIL", "Appeal running");
		awards.reinstate(award.id(), "teacher:t1");
		assertThat(only(award.id(), "REINSTATED")).containsEntry("ACTOR_NAME", "teacher:t1");
		awards.revoke(award.id(), "teacher:t1", "Plagiarism");
		assertThat(only(award.id(), "REVOKED")).containsEntry("ACTOR_NAME", "teacher:t1").containsEntry("DETAIL", "Plagiarism")
				.containsEntry("COURSE_TITLE", "Course course-1");
		// nothing changed, nothing recorded
		awards.reinstate(award.id(), "teacher:t1");
		assertThat(rows(award.id(), "REINSTATED")).hasSize(1);
	}

	@Test
	void anApprovalDecisionIsRecordedWithTheCriterionAndTheTeacher() {
		Approvals.Request asked = approvals.request(cast.badge().id(), cast.badge().contextId(), "s2", "portfolio", "https://example.org/p");
		workflow.decide(cast.badge().id(), cast.badge().contextId(), asked.id(), true, "teacher:t1", null);
		List<Map<String, Object>> rows = jdbc.sql("select * from audit_event where badge_id=? and action='APPROVED'")
				.param(cast.badge().id()).query().listOfRows();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("PERSON", "s2").containsEntry("ACTOR_KIND", "TEACHER")
				.containsEntry("DETAIL", "criterion portfolio");
	}

	@Test
	void everyRegistrationChangeIsRecordedWithTheAdminOrTheSystem() {
		String issuer = "https://lms-audit-" + System.nanoTime() + ".example.edu";
		Registration r = registrations.create(new RegistrationValues("Audit LMS", issuer, "client-audit", "moodle", issuer + "/auth",
				issuer + "/token", null, issuer + "/jwks", null, List.of("1"), RegistrationState.PENDING), "admin");
		registrations.setState(r.id(), RegistrationState.ACTIVE, "root");
		registrations.update(r.id(), new RegistrationValues("Audit LMS renamed", issuer, "client-audit", "moodle", issuer + "/auth",
				issuer + "/token", null, issuer + "/jwks", null, List.of("1"), null), "root");
		registrations.delete(r.id(), "root");
		List<Map<String, Object>> rows = jdbc.sql("""
				select actor_kind, actor_name, detail from audit_event where action='REGISTRATION_CHANGED' and registration_id=? order by id""")
				.param(r.id()).query().listOfRows();
		assertThat(rows).extracting(m -> m.get("ACTOR_KIND") + " " + m.get("ACTOR_NAME") + " " + m.get("DETAIL")).containsExactly(
				"ADMIN admin CREATED: Audit LMS (issuer " + issuer + " and client client-audit)",
				"ADMIN root STATE_ACTIVE: Audit LMS (issuer " + issuer + " and client client-audit)",
				"ADMIN root UPDATED: Audit LMS renamed (issuer " + issuer + " and client client-audit)",
				"ADMIN root DELETED: registration " + r.id());
	}

	@Test
	void keyRotationsAndAdminSignInsAreRecordedFromTheEventsTheirModulesPublish() {
		long before = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
		transactions.executeWithoutResult(status -> {
			events.publishEvent(new ToolKeysRotated("kid-audit", "schedule"));
			events.publishEvent(new CredentialKeysRotated("ed-audit rsa-audit", "root"));
			events.publishEvent(new AdminSignedIn("root", "form", "203.0.113.9"));
		});
		assertThat(jdbc.sql("select action, actor_kind, actor_name, detail from audit_event where id>? order by id").param(before).query()
				.listOfRows()).extracting(m -> m.get("ACTION") + " " + m.get("ACTOR_KIND") + " " + m.get("ACTOR_NAME") + " " + m.get("DETAIL"))
				.containsExactly("TOOL_KEY_ROTATED SYSTEM schedule new key kid-audit",
						"CREDENTIAL_KEY_ROTATED ADMIN root new keys ed-audit rsa-audit", "ADMIN_SIGNED_IN ADMIN root form from 203.0.113.9");
	}

	@Test
	void aChangeRolledBackLeavesNoAuditRow() {
		Award award = cast.award();
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			awards.revoke(award.id(), "teacher:t1", "Changed my mind");
			assertThat(rows(award.id(), "REVOKED")).hasSize(1); // written, in the same transaction
			throw new IllegalStateException("the change fails after its audit row");
		})).hasMessageContaining("the change fails");
		assertThat(rows(award.id(), "REVOKED")).isEmpty();
		assertThat(awards.find(award.id()).orElseThrow().revoked()).isFalse();
	}

	@Test
	void anAuditRowThatCannotBeWrittenRollsTheChangeBack() {
		Award award = cast.award();
		jdbc.sql("alter table audit_event add constraint ck_audit_test_refuses check (detail is null or detail <> 'audit refuses this')")
				.update();
		try {
			assertThatThrownBy(() -> holds.suspend(award.id(), "teacher:t1", "audit refuses this"))
					.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
		}
		finally {
			jdbc.sql("alter table audit_event drop constraint ck_audit_test_refuses").update();
		}
		assertThat(awards.find(award.id()).orElseThrow().suspended()).as("the suspension rolled back").isFalse();
		assertThat(jdbc.sql("select count(*) from award_log where award_id=? and action='SUSPENDED'").param(award.id())
				.query(Integer.class).single()).isZero();
		assertThat(rows(award.id(), "SUSPENDED")).isEmpty();
	}

	private List<Map<String, Object>> rows(String awardId, String action) {
		return jdbc.sql("select * from audit_event where award_id=? and action=? order by id").params(awardId, action).query()
				.listOfRows();
	}

	private Map<String, Object> only(String awardId, String action) {
		List<Map<String, Object>> rows = rows(awardId, action);
		assertThat(rows).as(action + " rows of " + awardId).hasSize(1);
		return rows.get(0);
	}
}
