package org.badgebridge.award;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Criteria;
import org.badgebridge.badge.Criterion;
import org.badgebridge.claim.ClaimMails;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.CourseSyncs;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.course.SyncStatus;
import org.badgebridge.mail.Outbox;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sync and awarding against a Moodle-shaped WireMock LMS: a failing or partial sync awards nothing and is
 * recorded for the teacher; the LMS recovering gives exactly one award; evaluating again changes nothing;
 * the claim mail is queued once however often it is asked for.
 */
@SpringBootTest(properties = { "badgebridge.lms.retry.base-delay=5ms", "badgebridge.lms.retry.max-delay=20ms" })
@ActiveProfiles("test")
class SyncAndAwardIntegrationTest {

	@Autowired
	Registrations registrations;

	@Autowired
	Courses courses;

	@Autowired
	CourseSyncs syncs;

	@Autowired
	Badges badges;

	@Autowired
	Awards awards;

	@Autowired
	ClaimMails claimMails;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	WireMockServer moodle;

	long contextId;

	BadgeClass badge;

	String base;

	@BeforeEach
	void setUp() {
		moodle = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		moodle.start();
		base = "http://127.0.0.1:" + moodle.port();
		Registration registration = registrations.create(new RegistrationValues("Moodle " + moodle.port(), base, "client",
				"moodle", base + "/mod/lti/auth.php", base + "/mod/lti/token.php", null, base + "/mod/lti/certs.php", null,
				List.of("1"), RegistrationState.ACTIVE), "test");
		contextId = courses.recordLaunch(new LaunchFacts(registration.id(), "1", "2", "LTI101", "Test course", "3", "Terry",
				"teacher@example.edu", "en", List.of("Instructor"), CourseRole.TEACHER, "1", "Badge link", null,
				base + "/mod/lti/services.php/2/lineitems?type_id=1", null, List.of(),
				base + "/mod/lti/services.php/CourseSection/2/bindings/1/memberships")).contextId();
		moodle.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		moodle.stubFor(get(urlPathEqualTo("/mod/lti/services.php/2/lineitems")).willReturn(json("""
				[{"id":"%1$s/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1","label":"Badge","scoreMaximum":1,"resourceId":"badgebridge:B","tag":"badgebridge","resourceLinkId":"1"},
				 {"id":"%1$s/mod/lti/services.php/2/lineitems/3/lineitem?type_id=1","label":"Final project","scoreMaximum":100,"resourceId":"badgebridge:B:final","tag":"badgebridge"}]
				""".formatted(base))));
		moodle.stubFor(get(urlPathEqualTo("/mod/lti/services.php/2/lineitems/2/lineitem/results")).willReturn(json("[]")));
		moodle.stubFor(get(urlPathEqualTo("/mod/lti/services.php/CourseSection/2/bindings/1/memberships")).willReturn(json("""
				{"id":"x","members":[
				 {"status":"Active","roles":["Learner"],"user_id":"4","name":"Sam Student","email":"student1@example.com"},
				 {"status":"Active","roles":["Learner"],"user_id":"5","name":"Sue Second","email":"student2@example.com"},
				 {"status":"Active","roles":["Instructor"],"user_id":"3","name":"Terry Teacher"}]}""")));
		moodle.stubFor(post(urlPathEqualTo("/mod/lti/services.php/2/lineitems/2/lineitem/scores")).willReturn(aResponse().withStatus(200)));
		badge = badges.create("Data Literacy", "", contextId, "3");
		badges.setCriteria(badge.id(), new Criteria(new Criterion.ScoreRule("final", new Criterion.Column(
				base + "/mod/lti/services.php/2/lineitems/3/lineitem?type_id=1", "badgebridge:B:final", "badgebridge", "Final project"),
				Criterion.Threshold.PERCENT, 80), null));
		jdbc.sql("update badge_class set active=true where id=?").param(badge.id()).update(); // no event: this test drives the sync
	}

	@AfterEach
	void stop() {
		moodle.stop();
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

	void results(String body) {
		moodle.stubFor(get(urlPathEqualTo("/mod/lti/services.php/2/lineitems/3/lineitem/results")).willReturn(json(body)));
	}

	@Test
	void failingSyncAwardsNothingAndSaysWhy() {
		moodle.stubFor(get(urlPathEqualTo("/mod/lti/services.php/2/lineitems/3/lineitem/results"))
				.willReturn(aResponse().withStatus(500).withBody("database error")));
		SyncStatus status = syncs.sync(contextId);
		assertThat(status.outcome()).isEqualTo("FAILED");
		assertThat(status.error()).contains("/lineitems/3/lineitem/results?type_id=1", "HTTP 500");
		assertThat(syncs.status(contextId).orElseThrow().error()).contains("HTTP 500");
		assertThat(awards.evaluateCourse(contextId)).as("data of a failed sync: nobody else evaluates it").isZero();
	}

	@Test
	void rateLimitedLmsIsRetriedAndTheLearnerIsAwardedExactlyOnce() {
		moodle.stubFor(get(urlPathEqualTo("/mod/lti/services.php/2/lineitems/3/lineitem/results")).inScenario("busy")
				.whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
				.willSetStateTo("ok"));
		moodle.stubFor(get(urlPathEqualTo("/mod/lti/services.php/2/lineitems/3/lineitem/results")).inScenario("busy")
				.whenScenarioStateIs("ok").willReturn(json("""
						[{"userId":"4","resultScore":85,"resultMaximum":100,"timestamp":"2026-11-28T12:39:41+00:00"},
						 {"userId":"5","resultScore":60,"resultMaximum":100},
						 {"userId":"99","resultScore":100,"resultMaximum":100}]""")));
		SyncStatus status = syncs.sync(contextId);
		assertThat(status.outcome()).isEqualTo("SUCCESS");
		assertThat(status.error()).as("the unknown user 99 is reported").contains("1 result(s) belong to users who are not in the course's roster");
		assertThat(status.changedResults()).isEqualTo(3);

		// the CourseSynced listener evaluates too, concurrently: however the two interleave, one award
		awards.evaluateCourse(contextId);
		assertThat(awards.evaluateCourse(contextId)).as("again: nothing new").isZero();
		List<Award> all = awards.forBadge(badge.id());
		assertThat(all).extracting(Award::userSub).containsExactly("4");
		assertThat(all.get(0).recipientEmail()).isEqualTo("student1@example.com");
		assertThat(jdbc.sql("select action from award_log where award_id=?").param(all.get(0).id()).query(String.class).list())
				.containsExactly("AWARDED");

		// an unchanged re-sync changes nothing and awards nothing
		SyncStatus again = syncs.sync(contextId);
		assertThat(again.changedResults()).isZero();
		assertThat(awards.evaluateCourse(contextId)).isZero();

		// a lower grade later never takes the award back
		results("[{\"userId\":\"4\",\"resultScore\":10,\"resultMaximum\":100}]");
		syncs.sync(contextId);
		awards.evaluateCourse(contextId);
		assertThat(awards.forBadge(badge.id())).hasSize(1).allSatisfy(a -> assertThat(a.revoked()).isFalse());
	}

	@Test
	void claimMailIsQueuedOnceHoweverOftenItIsAskedFor() {
		results("[{\"userId\":\"5\",\"resultScore\":95,\"resultMaximum\":100}]");
		syncs.sync(contextId);
		awards.evaluateCourse(contextId);
		Award award = awards.forBadge(badge.id()).get(0);
		// the listener already ran once (BadgeAwarded); a redelivery, or a second node, asks again
		claimMails.queue(award.id());
		claimMails.queue(award.id());
		assertThat(outbox.recent(100).stream().filter(m -> m.dedupKey().equals("claim:" + award.id()))).hasSize(1);
		assertThat(jdbc.sql("select count(*) from claim_link where award_id=?").param(award.id()).query(Integer.class).single())
				.isEqualTo(1);
		// sending again gives a new link and kills the old one
		claimMails.resend(award.id());
		assertThat(jdbc.sql("select count(*) from claim_link where award_id=?").param(award.id()).query(Integer.class).single())
				.isEqualTo(1);
		assertThat(outbox.recent(100).stream().filter(m -> m.dedupKey().startsWith("claim:" + award.id()))).hasSize(2);
	}

	@Autowired
	org.badgebridge.course.CourseColumns columns;

	@Autowired
	org.badgebridge.course.CourseData courseData;

	@Test
	void mirrorColumnIsCreatedAsAToolColumnAndTheCourseTotalIsRefused() {
		moodle.stubFor(post(urlPathEqualTo("/mod/lti/services.php/2/lineitems")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/vnd.ims.lis.v2.lineitem+json").withBody("""
						{"id":"%s/mod/lti/services.php/2/lineitems/9/lineitem?type_id=1","label":"Quiz 1 (mirror)","scoreMaximum":10,
						 "resourceId":"badgebridge:%s:mirror-quiz-1","tag":"badgebridge"}""".formatted(base, badge.id()))));
		org.badgebridge.course.CourseData.Column mirror = columns.createMirror(contextId, badge.id(), "Quiz 1 (mirror)", "quiz1", 10);
		assertThat(org.badgebridge.course.CourseColumns.isMirror(mirror)).isTrue();
		String sent = moodle.findAll(postRequestedFor(urlPathEqualTo("/mod/lti/services.php/2/lineitems"))).get(0).getBodyAsString();
		assertThat(sent).contains("\"resourceId\":\"badgebridge:" + badge.id() + ":mirror-quiz-1-", "\"tag\":\"badgebridge\"",
				"\"scoreMaximum\":10");
		assertThat(courseData.resultCounts(contextId)).containsEntry(mirror.url(), 0);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> columns.createMirror(contextId, badge.id(), "Total", "Course total", 100))
				.hasMessageContaining("circular");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> columns.createMirror(contextId, badge.id(), "X", "=[[quiz1]]", 100))
				.hasMessageContaining("ID number");
		moodle.verify(1, postRequestedFor(urlPathEqualTo("/mod/lti/services.php/2/lineitems")));
	}

	@Autowired
	Approvals approvals;

	@Test
	void approvalCriterionAwardsOnlyOnceATeacherApproves() {
		badges.setCriteria(badge.id(), new Criteria(new Criterion.Group("all", Criterion.Mode.ALL, 0, List.of(
				new Criterion.ScoreRule("final", new Criterion.Column(base + "/mod/lti/services.php/2/lineitems/3/lineitem?type_id=1",
						null, null, "Final project"), Criterion.Threshold.PERCENT, 80),
				new Criterion.Approval("portfolio", "Portfolio approved by a teacher"))), null));
		results("[{\"userId\":\"4\",\"resultScore\":90,\"resultMaximum\":100}]");
		syncs.sync(contextId);
		awards.evaluateCourse(contextId);
		assertThat(awards.forBadge(badge.id())).as("no approval yet").isEmpty();

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> approvals.request(badge.id(), contextId, "4", "portfolio",
				"javascript:alert(1)")).hasMessageContaining("http(s) URL");
		Approvals.Request request = approvals.request(badge.id(), contextId, "4", "portfolio", "https://portfolio.example.edu/sam");
		assertThat(approvals.pending(badge.id(), contextId)).extracting(Approvals.Request::id).containsExactly(request.id());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> approvals.decide(request.id(), false, "teacher:3", " "))
				.hasMessageContaining("Say why");
		approvals.decide(request.id(), false, "teacher:3", "The link does not open");
		assertThat(awards.evaluateLearner(contextId, "4")).isZero();
		approvals.request(badge.id(), contextId, "4", "portfolio", "https://portfolio.example.edu/sam-v2");
		approvals.decide(request.id(), true, "teacher:3", null);
		assertThat(awards.evaluateLearner(contextId, "4")).isEqualTo(1);
		assertThat(jdbc.sql("select action from award_log where badge_id=? and user_sub='4' order by id").param(badge.id())
				.query(String.class).list()).containsExactly("APPROVAL_REQUESTED", "DENIED", "APPROVAL_REQUESTED", "APPROVED", "AWARDED");
	}

	@Autowired
	org.badgebridge.claim.EmailConfirmations emailConfirmations;

	@Test
	void learnerWithoutSharedEmailConfirmsOneBeforeTheClaimMailGoesOut() {
		moodle.stubFor(get(urlPathEqualTo("/mod/lti/services.php/CourseSection/2/bindings/1/memberships")).willReturn(json("""
				{"id":"x","members":[{"status":"Active","roles":["Learner"],"user_id":"8","name":"Private Person"}]}""")));
		results("[{\"userId\":\"8\",\"resultScore\":99,\"resultMaximum\":100}]");
		syncs.sync(contextId);
		awards.evaluateCourse(contextId);
		Award award = awards.forBadge(badge.id()).get(0);
		assertThat(claimMails.queue(award.id())).as("no address: nothing sent").isFalse();
		assertThat(outbox.exists("claim:" + award.id())).isFalse();

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> emailConfirmations.start(contextId, "8", "not-an-address"))
				.hasMessageContaining("not an email");
		emailConfirmations.start(contextId, "8", "private@example.edu");
		var codeMail = outbox.recent(20).stream().filter(m -> m.recipient().equals("private@example.edu")).findFirst().orElseThrow();
		String code = codeMail.subject().replaceAll("\\D", "");
		assertThat(code).hasSize(6);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> emailConfirmations.confirm(contextId, "8", "000000".equals(code)
				? "111111" : "000000")).hasMessageContaining("not right");
		emailConfirmations.confirm(contextId, "8", code);
		assertThat(outbox.exists("claim:" + award.id())).as("the waiting claim mail went out").isTrue();
		assertThat(outbox.recent(20).stream().filter(m -> m.dedupKey().equals("claim:" + award.id())).findFirst().orElseThrow()
				.recipient()).isEqualTo("private@example.edu");
	}

	@Test
	void microCredentialCannotBeSwitchedOnUntilItsEuElementsAreComplete() {
		BadgeClass mc = badges.create("Micro-credential", "", contextId, "3");
		badges.setCriteria(mc.id(), badges.find(badge.id()).orElseThrow().criteria());
		badges.update(mc.id(), "Micro-credential", "", new org.badgebridge.badge.BadgeDetails(null, true, "- can read data", null, null,
				null, null, null, null, null, null, null, null, null, null));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> badges.setActive(mc.id(), true))
				.hasMessageContaining("Missing: workload (ECTS or hours), EQF level");
		assertThat(badges.find(mc.id()).orElseThrow().active()).isFalse();
		badges.update(mc.id(), "Micro-credential", "", org.badgebridge.badge.BadgeDetailsTestData.complete());
		assertThat(badges.setActive(mc.id(), true).active()).isTrue();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> badges.update(mc.id(), "Micro-credential", "",
				new org.badgebridge.badge.BadgeDetails(null, true, null, null, null, null, null, null, null, null, null, null, null, null, null)))
				.hasMessageContaining("Awarding is on");
	}

	@Test
	void claimMailOfALearnerWhoNeverLaunchedIsInTheCoursesLanguage() {
		Registration registration = registrations.find(base, "client").orElseThrow();
		courses.recordLaunch(new LaunchFacts(registration.id(), "1", "2", "LTI101", "Test course", "3", "Terry", null, "nl-NL",
				List.of("Instructor"), CourseRole.TEACHER, "1", "Badge link", null, null, null, null, null));
		results("[{\"userId\":\"5\",\"resultScore\":95,\"resultMaximum\":100}]");
		syncs.sync(contextId);
		awards.evaluateCourse(contextId);
		Award award = awards.forBadge(badge.id()).get(0);
		claimMails.queue(award.id());
		var mail = outbox.recent(20).stream().filter(m -> m.dedupKey().equals("claim:" + award.id())).findFirst().orElseThrow();
		assertThat(mail.subject()).isEqualTo("Je hebt de badge \"Data Literacy\" behaald");
		assertThat(mail.textBody()).contains("Hallo Sue Second", "/claim/", "uitgegeven door BadgeBridge");
	}

	@Autowired
	org.badgebridge.badge.Issuers issuers;

	@Test
	void badgesOfARegistrationWithItsOwnIssuerAreIssuedByIt() {
		Registration registration = registrations.find(base, "client").orElseThrow();
		issuers.save(null, "Example University", "https://example.edu", "badges@example.edu", "NL", null, registration.id());
		BadgeClass own = badges.create("Issued by the university", "", contextId, "3", registration.id());
		assertThat(badges.issuer(own).name()).isEqualTo("Example University");
		assertThat(badges.issuer(badges.create("Default", "", contextId, "3")).isDefault()).isTrue();
		org.badgebridge.badge.BadgeDetails c = org.badgebridge.badge.BadgeDetailsTestData.complete();
		org.badgebridge.badge.BadgeDetails noBody = new org.badgebridge.badge.BadgeDetails(null, true, c.learningOutcomes(),
				c.workloadValue(), c.workloadUnit(), c.eqfLevel(), c.assessmentType(), c.participation(), c.qualityAssurance(), null,
				null, null, null, null, null);
		assertThat(noBody.missingForMicroCredential()).contains("awarding body", "country of the awarding body");
		assertThat(noBody.withIssuer(badges.issuer(own)).missingForMicroCredential()).as("the issuer supplies both").isEmpty();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> issuers.save(null, "Again", null, null, null, null, registration.id()))
				.hasMessageContaining("has an issuer already");
	}

	@Test
	void revocationIsRecordedWithWhoAndWhy() {
		results("[{\"userId\":\"4\",\"resultScore\":90,\"resultMaximum\":100}]");
		syncs.sync(contextId);
		awards.evaluateCourse(contextId);
		Award award = awards.forBadge(badge.id()).get(0);
		Award revoked = awards.revoke(award.id(), "teacher:3", "Plagiarism in the final project");
		assertThat(revoked.revoked()).isTrue();
		assertThat(revoked.revokeReason()).isEqualTo("Plagiarism in the final project");
		assertThat(jdbc.sql("select actor from award_log where award_id=? and action='REVOKED'").param(award.id())
				.query(String.class).single()).isEqualTo("teacher:3");
		// the learner is told, once
		claimMails.revoked(award.id());
		claimMails.revoked(award.id());
		var notices = outbox.recent(50).stream().filter(m -> m.dedupKey().equals("revoked:" + award.id())).toList();
		assertThat(notices).hasSize(1);
		assertThat(notices.get(0).recipient()).isEqualTo("student1@example.com");
		assertThat(notices.get(0).textBody()).contains("Reason: Plagiarism in the final project");
		// a later sync does not award it again
		syncs.sync(contextId);
		awards.evaluateCourse(contextId);
		assertThat(awards.forBadge(badge.id())).hasSize(1);
	}

}
