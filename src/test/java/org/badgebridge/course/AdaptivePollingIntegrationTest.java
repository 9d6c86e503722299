package org.badgebridge.course;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
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
import org.badgebridge.course.internal.SyncSettings;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a regular sync reads against a WireMock LMS: every column and the roster the first time and after a teacher's
 * action, afterwards only the columns the active badges' criteria use, the roster again when a result names someone
 * new; a spent request budget or a 429 defers the sync without failing it; a course's own interval wins.
 */
@SpringBootTest(properties = { "badgebridge.lms.retry.base-delay=5ms", "badgebridge.lms.retry.max-delay=20ms",
		"badgebridge.lms.retry.max-attempts=2" })
@ActiveProfiles("test")
class AdaptivePollingIntegrationTest {

	static final String ITEMS = "/mod/lti/services.php/2/lineitems";

	@Autowired
	Registrations registrations;

	@Autowired
	Courses courses;

	@Autowired
	CourseSyncs syncs;

	@Autowired
	Badges badges;

	@Autowired
	SyncSettings settings;

	@Autowired
	JdbcClient jdbc;

	WireMockServer lms;

	Registration registration;

	long contextId;

	String base;

	@BeforeEach
	void setUp() {
		lms = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		lms.start();
		base = "http://127.0.0.1:" + lms.port();
		registration = registrations.create(new RegistrationValues("LMS " + lms.port(), base, "client", "moodle",
				base + "/auth", base + "/token", null, base + "/certs", null, List.of("1"), RegistrationState.ACTIVE), "test");
		contextId = courses.recordLaunch(new LaunchFacts(registration.id(), "1", "2", "C1", "Course", "3", "Terry", null, "en",
				List.of("Instructor"), CourseRole.TEACHER, "1", "Link", null, base + ITEMS + "?type_id=1", null, List.of(),
				base + "/memberships")).contextId();
		lms.stubFor(post(urlPathEqualTo("/token")).willReturn(json("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		lms.stubFor(get(urlPathEqualTo(ITEMS)).willReturn(json("""
				[{"id":"%1$s%2$s/1/lineitem?type_id=1","label":"Quiz","scoreMaximum":10},
				 {"id":"%1$s%2$s/2/lineitem?type_id=1","label":"Project","scoreMaximum":100},
				 {"id":"%1$s%2$s/3/lineitem?type_id=1","label":"Essay","scoreMaximum":100}]""".formatted(base, ITEMS))));
		lms.stubFor(get(urlPathMatching(ITEMS + "/[0-9]/lineitem/results")).willReturn(json("[]")));
		lms.stubFor(get(urlPathEqualTo("/memberships")).willReturn(json("""
				{"id":"x","members":[{"status":"Active","roles":["Learner"],"user_id":"4","name":"Sam"}]}""")));
		BadgeClass badge = badges.create("Projects", "", contextId, "3");
		badges.setCriteria(badge.id(), new Criteria(new Criterion.ScoreRule("p", new Criterion.Column(
				base + ITEMS + "/2/lineitem?type_id=1", null, null, "Project"), Criterion.Threshold.PERCENT, 80), null));
		jdbc.sql("update badge_class set active=true where id=?").param(badge.id()).update();
	}

	@AfterEach
	void stop() {
		lms.stop();
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

	int results(int column) {
		return lms.findAll(getRequestedFor(urlPathEqualTo(ITEMS + "/" + column + "/lineitem/results"))).size();
	}

	int rosterReads() {
		return lms.findAll(getRequestedFor(urlPathEqualTo("/memberships"))).size();
	}

	@Test
	void afterTheFirstSyncOnlyTheColumnsCriteriaUseAreReadAndTheRosterWaits() {
		assertThat(syncs.sync(contextId).outcome()).isEqualTo("SUCCESS");
		assertThat(List.of(results(1), results(2), results(3), rosterReads())).containsExactly(1, 1, 1, 1);

		SyncStatus second = syncs.sync(contextId);
		assertThat(second.outcome()).isEqualTo("SUCCESS");
		assertThat(List.of(results(1), results(2), results(3), rosterReads())).containsExactly(1, 2, 1, 1);
		assertThat(second.calls()).as("line items and the one criteria column").isEqualTo(2);
	}

	@Test
	void aTeachersActionMakesTheNextSyncReadEverything() {
		syncs.sync(contextId);
		syncs.sync(contextId);
		syncs.teacherActed(contextId);
		syncs.sync(contextId);
		assertThat(List.of(results(1), results(2), results(3), rosterReads())).containsExactly(2, 3, 2, 2);
	}

	@Test
	void aResultOfSomeoneOutsideTheRosterReadsTheRosterAtOnce() {
		syncs.sync(contextId);
		lms.stubFor(get(urlPathEqualTo(ITEMS + "/2/lineitem/results")).willReturn(json("[{\"userId\":\"9\",\"resultScore\":90,\"resultMaximum\":100}]")));
		lms.stubFor(get(urlPathEqualTo("/memberships")).willReturn(json("""
				{"id":"x","members":[{"status":"Active","roles":["Learner"],"user_id":"4","name":"Sam"},
				 {"status":"Active","roles":["Learner"],"user_id":"9","name":"Nina New"}]}""")));
		syncs.sync(contextId);
		assertThat(rosterReads()).isEqualTo(2);
		assertThat(jdbc.sql("select in_roster from course_member where context_id=? and user_sub='9'").param(contextId)
				.query(Boolean.class).single()).isTrue();
	}

	@Test
	void aSpentBudgetDefersTheSyncWithoutCallingTheLmsOrRecordingAFailure() {
		settings.savePlatform(registration.id(), "", "", "60");
		jdbc.sql("insert into course_request_budget (registration_id, window_start, used) values (?,?,?)")
				.params(registration.id(), System.currentTimeMillis() / 60_000 * 60_000, 60).update();
		SyncStatus status = syncs.sync(contextId);
		assertThat(status.outcome()).isEqualTo(CourseSyncs.DEFERRED);
		assertThat(lms.findAll(getRequestedFor(urlPathEqualTo(ITEMS)))).isEmpty();
		assertThat(syncs.status(contextId)).isEmpty();
		assertThat(syncs.retryAt(contextId)).isAfter(java.time.Instant.now());
	}

	@Test
	void theBudgetIsOneCountForAllSyncsOfAPlatform() {
		org.badgebridge.course.internal.RequestBudget budget = new org.badgebridge.course.internal.RequestBudget(jdbc,
				java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T10:00:30Z"), java.time.ZoneOffset.UTC));
		org.badgebridge.course.internal.RequestBudget nextMinute = new org.badgebridge.course.internal.RequestBudget(jdbc,
				java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T10:01:00Z"), java.time.ZoneOffset.UTC));
		int taken = 0;
		for (int i = 0; i < 100; i++) {
			taken += budget.take(registration.id(), 60) ? 1 : 0;
		}
		assertThat(taken).isEqualTo(60);
		assertThat(nextMinute.take(registration.id(), 60)).as("a new minute starts afresh").isTrue();
		assertThat(budget.take(registration.id(), 60)).as("a node late for the minute gets nothing more").isFalse();
	}

	@Test
	void anLmsThatKeepsAnswering429DefersTheSyncAndPausesThePlatform() {
		lms.stubFor(get(urlPathEqualTo(ITEMS + "/2/lineitem/results")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
		assertThat(syncs.sync(contextId).outcome()).isEqualTo(CourseSyncs.DEFERRED);
		assertThat(syncs.status(contextId)).as("not recorded as a failure").isEmpty();
		int calls = lms.getAllServeEvents().size();
		assertThat(syncs.sync(contextId).outcome()).as("the platform's minute is spent").isEqualTo(CourseSyncs.DEFERRED);
		assertThat(lms.getAllServeEvents()).hasSize(calls);
	}

	@Test
	void aCoursesOwnIntervalComesBeforeItsPlatformsAndTheDefault() {
		assertThat(settings.rule(contextId).active()).isEqualTo(settings.defaults().active());
		settings.savePlatform(registration.id(), "2m", "3h", "");
		assertThat(settings.rule(contextId).active()).hasMinutes(2);
		assertThat(settings.rule(contextId).idle()).hasHours(3);
		settings.saveCourse(Long.toString(contextId), "30s", "");
		assertThat(settings.rule(contextId).active()).hasSeconds(30);
		assertThat(settings.rule(contextId).idle()).as("the platform's, where the course sets none").hasHours(3);
		settings.removeCourse(contextId);
		assertThat(settings.rule(contextId).active()).hasMinutes(2);
	}
}
