package org.badgebridge.award;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the badge's own gradebook column is told, against a Moodle-shaped WireMock LMS, counting the score posts
 * per award (one learner per award): "earned" once however often it is delivered; the resubmission job
 * resubmits failed deliveries at once and leaves running ones alone; a revocation or suspension clears the grade
 * (no scoreGiven, not FullyGraded, a timestamp at least a second after the last one); a late "earned" after a
 * revocation posts nothing; reinstatement posts 1 again.
 */
@SpringBootTest(properties = { "badgebridge.lms.retry.base-delay=5ms", "badgebridge.lms.retry.max-delay=20ms",
		"badgebridge.events.resubmit-interval=300ms", "badgebridge.events.stale-after=10m" })
@ActiveProfiles("test")
class ScoreWriteBackIntegrationTest {

	static final Duration LIMIT = Duration.ofSeconds(60);

	static final String SCORES = "/mod/lti/services.php/2/lineitems/2/lineitem/scores";

	@Autowired
	Registrations registrations;

	@Autowired
	Courses courses;

	@Autowired
	Badges badges;

	@Autowired
	Awards awards;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	WireMockServer moodle;

	BadgeClass badge;

	@BeforeEach
	void setUp() {
		moodle = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		moodle.start();
		String base = "http://127.0.0.1:" + moodle.port();
		Registration registration = registered(registrations, moodle);
		scores(200, 0);
		long contextId = courses.recordLaunch(launch(registration, "3", CourseRole.TEACHER, null, null)).contextId();
		badge = badges.create("Data Literacy", "", contextId, "3");
		// the badge's own link, with its coupled column (Deep Linking's lineItem), as Moodle's launch reports it
		courses.recordLaunch(launch(registration, "3", CourseRole.TEACHER, badge.id(),
				base + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1"));
		for (String learner : List.of("4", "5", "6", "7")) {
			courses.recordLaunch(launch(registration, learner, CourseRole.LEARNER, badge.id(), null));
		}
		jdbc.sql("update course_member set in_roster=true where context_id=?").param(contextId).update();
	}

	/** A registration of the WireMock Moodle, whose token endpoint hands out a token. */
	static Registration registered(Registrations registrations, WireMockServer moodle) {
		String base = "http://127.0.0.1:" + moodle.port();
		Registration registration = registrations.create(new RegistrationValues("Moodle " + moodle.port(), base, "client",
				"moodle", base + "/mod/lti/auth.php", base + "/mod/lti/token.php", null, base + "/mod/lti/certs.php", null,
				List.of("1"), RegistrationState.ACTIVE), "test");
		moodle.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		return registration;
	}

	static LaunchFacts launch(Registration registration, String user, CourseRole role, String badgeId, String lineItem) {
		return new LaunchFacts(registration.id(), "1", "2", "LTI101", "Test course", user, "User " + user, user + "@example.edu",
				"en", List.of(role == CourseRole.TEACHER ? "Instructor" : "Learner"), role, "1", "Badge link", badgeId,
				null, lineItem, List.of(), null);
	}

	@AfterEach
	void stop() {
		moodle.stop();
	}

	/** Moodle's scores endpoint answering {@code status} after {@code delayMillis}. */
	void scores(int status, int delayMillis) {
		MappingBuilder scores = post(urlPathEqualTo(SCORES)).withHeader("Content-Type", containing("score+json"));
		moodle.stubFor(scores.willReturn(aResponse().withStatus(status).withFixedDelay(delayMillis)));
	}

	/** The scores Moodle accepted for a learner (2xx), in order. */
	List<Map<String, Object>> accepted(String userId) {
		return moodle.getAllServeEvents().stream().sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
				.filter(e -> e.getRequest().getUrl().startsWith(SCORES) && e.getResponse().getStatus() / 100 == 2)
				.map(ScoreWriteBackIntegrationTest::body).filter(b -> userId.equals(b.get("userId"))).toList();
	}

	/** Every score request for a learner, whatever the answer. */
	long requests(String userId) {
		return moodle.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(SCORES))
				.map(ScoreWriteBackIntegrationTest::body).filter(b -> userId.equals(b.get("userId"))).count();
	}

	static Map<String, Object> body(ServeEvent e) {
		try {
			return JSONObjectUtils.parse(e.getRequest().getBodyAsString());
		}
		catch (ParseException ex) {
			throw new AssertionError(ex);
		}
	}

	static Instant timestamp(Map<String, Object> score) {
		return Instant.parse((String) score.get("timestamp"));
	}

	/** Deliveries to the gradebook listeners of this award not completed yet. */
	int unfinished(Award award) {
		return jdbc.sql("select count(*) from event_publication where completion_date is null and listener_id like '%AwardListeners%'"
				+ " and serialized_event like ?").param("%" + award.id() + "%").query(Integer.class).single();
	}

	String status(Award award) {
		return jdbc.sql("select status from award_score_post where award_id=? order by score_at").param(award.id())
				.query(String.class).list().get(0);
	}

	Award award(String learner) {
		return awards.awardByHand(badge.id(), learner, "teacher:3", "Final project passed").orElseThrow();
	}

	@Test
	void earnedIsPostedOnceHoweverOftenItIsDelivered() {
		scores(200, 2000);
		Award award = award("4");
		await().atMost(LIMIT).until(() -> requests("4") == 1); // the first delivery is posting (Moodle answers in 2 s)
		incomplete.resubmitIncompletePublications(p -> true); // a second delivery while the first is in flight
		await().atMost(LIMIT).until(() -> unfinished(award) == 0 && status(award).equals("POSTED"));
		// a third delivery after the first completed
		transactions.executeWithoutResult(tx -> events.publishEvent(new BadgeAwarded(award.id(), badge.id(), award.contextId(), "4", null)));
		await().atMost(LIMIT).until(() -> unfinished(award) == 0);

		assertThat(requests("4")).as("score posts for the award").isEqualTo(1);
		assertThat(accepted("4").get(0)).containsEntry("scoreGiven", 1.0).containsEntry("gradingProgress", "FullyGraded");
		assertThat(timestamp(accepted("4").get(0))).as("the award's time").isEqualTo(award.awardedAt());
	}

	@Test
	void theJobResubmitsFailedDeliveriesAtOnceAndLeavesRunningOnesAlone() {
		StubMapping down = moodle.stubFor(post(urlPathEqualTo(SCORES)).withRequestBody(containing("\"userId\":\"5\""))
				.atPriority(1).willReturn(aResponse().withStatus(503))); // learner 5's delivery fails
		scores(200, 3000); // learner 6's delivery runs for 3 s: ten rounds of the job
		Award failing = award("5");
		await().atMost(LIMIT).until(() -> status(failing).equals("FAILED"));
		Award slow = award("6");
		moodle.removeStub(down);

		await().atMost(LIMIT).until(() -> unfinished(failing) == 0 && unfinished(slow) == 0);
		assertThat(accepted("5")).as("the failed delivery was resubmitted (within the test's limit) and posted once").hasSize(1);
		assertThat(requests("6")).as("the running delivery was not resubmitted").isEqualTo(1);
		assertThat(jdbc.sql("select completion_attempts from event_publication where serialized_event like ? and listener_id like '%AwardListeners%'")
				.param("%" + slow.id() + "%").query(Integer.class).single()).as("the first delivery only, never resubmitted").isEqualTo(1);
	}

	@Test
	void revocationClearsTheGradeAndALateEarnedPostsNothing() {
		scores(503, 0); // Moodle is down: "earned" fails and stays to be resubmitted
		Award award = award("7");
		await().atMost(LIMIT).until(() -> status(award).equals("FAILED"));
		Instant earnedAttempt = Instant.parse((String) moodle.getAllServeEvents().stream().map(ScoreWriteBackIntegrationTest::body)
				.filter(b -> "7".equals(b.get("userId"))).findFirst().orElseThrow().get("timestamp"));
		awards.revoke(award.id(), "teacher:3", "Plagiarism in the final project");
		scores(200, 0); // Moodle is back: the job resubmits both deliveries, in whatever order

		await().atMost(LIMIT).until(() -> unfinished(award) == 0);
		List<Map<String, Object>> accepted = accepted("7");
		assertThat(accepted).filteredOn(p -> !p.containsKey("scoreGiven")).as("one cleared grade").hasSize(1);
		Map<String, Object> cleared = accepted.stream().filter(p -> !p.containsKey("scoreGiven")).findFirst().orElseThrow();
		// an "earned" resubmitted after the revocation committed posts nothing (superseded); one already on its way when the
		// revocation came (a loaded machine) may still land, but with its older timestamp: Moodle keeps the later, cleared one
		assertThat(accepted).filteredOn(p -> p.containsKey("scoreGiven")).allSatisfy(earned -> assertThat(timestamp(earned))
				.as("an earned that landed is older than the cleared grade").isBefore(timestamp(cleared)));
		assertThat(cleared).doesNotContainKeys("scoreGiven", "scoreMaximum").containsEntry("gradingProgress", "NotReady")
				.containsEntry("activityProgress", "Initialized");
		assertThat(timestamp(cleared)).as("at least a second after the last score (Moodle compares seconds)")
				.isAfterOrEqualTo(earnedAttempt.plusSeconds(1));
		assertThat(timestamp(cleared)).as("the revocation's time").isAfterOrEqualTo(awards.find(award.id()).orElseThrow().revokedAt());
		assertThat(jdbc.sql("select concat(state, ':', status) from award_score_post where award_id=? order by score_at")
				.param(award.id()).query(String.class).list()).hasSize(2).last().isEqualTo("REVOKED:POSTED");
		assertThat(accepted.size() == 1 ? "EARNED:SUPERSEDED" : "EARNED:POSTED").isEqualTo(jdbc
				.sql("select concat(state, ':', status) from award_score_post where award_id=? and state='EARNED'").param(award.id())
				.query(String.class).single());
	}

	@Test
	void suspensionClearsTheGradeAndReinstatementPostsOneAgain() {
		Award award = award("4");
		await().atMost(LIMIT).until(() -> accepted("4").size() == 1);
		awards.suspend(award.id(), "teacher:3", "Checking the project's sources");
		await().atMost(LIMIT).until(() -> accepted("4").size() == 2);
		awards.reinstate(award.id(), "teacher:3");
		await().atMost(LIMIT).until(() -> accepted("4").size() == 3);
		await().atMost(LIMIT).until(() -> unfinished(award) == 0);

		List<Map<String, Object>> posts = accepted("4");
		assertThat(posts).hasSize(3);
		assertThat(posts.get(0)).containsEntry("scoreGiven", 1.0).containsEntry("gradingProgress", "FullyGraded");
		assertThat(posts.get(1)).doesNotContainKey("scoreGiven").containsEntry("gradingProgress", "NotReady");
		assertThat(posts.get(2)).containsEntry("scoreGiven", 1.0).containsEntry("scoreMaximum", 1.0)
				.containsEntry("gradingProgress", "FullyGraded").containsEntry("activityProgress", "Completed");
		assertThat(timestamp(posts.get(1))).isAfterOrEqualTo(timestamp(posts.get(0)).plusSeconds(1));
		assertThat(timestamp(posts.get(2))).isAfterOrEqualTo(timestamp(posts.get(1)).plusSeconds(1));
	}
}
