package org.badgebridge.award;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.Courses;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.Registrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Score posts run in parallel per platform, at most {@code badgebridge.lms.score-posts.connections} at once (here 3),
 * against Moodle-shaped WireMock LMSs that count the posts in flight: the bound holds; a 429 or 503 with
 * {@code Retry-After} (seconds or an HTTP date) pauses that platform's posts until then, after which every post
 * lands once; another platform goes on meanwhile; a failed post is resubmitted later and lands once.
 */
@SpringBootTest(properties = { "badgebridge.lms.score-posts.connections=3", "badgebridge.lms.retry.base-delay=5ms",
		"badgebridge.lms.retry.max-delay=20ms", "badgebridge.events.resubmit-interval=300ms", "badgebridge.events.stale-after=10m" })
@ActiveProfiles("test")
class ScorePostLanesIntegrationTest {

	static final Duration LIMIT = Duration.ofSeconds(90);

	static final String SCORES = ScoreWriteBackIntegrationTest.SCORES;

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

	final List<Lms> started = new ArrayList<>();

	/** Counts the score posts in flight: each holds the answer for {@code holdMillis} while counted. */
	static final class InFlight implements ResponseDefinitionTransformerV2 {

		final AtomicInteger now = new AtomicInteger();

		final AtomicInteger most = new AtomicInteger();

		final int holdMillis;

		InFlight(int holdMillis) {
			this.holdMillis = holdMillis;
		}

		@Override
		public ResponseDefinition transform(ServeEvent event) {
			if (event.getRequest().getUrl().startsWith(SCORES)) {
				most.accumulateAndGet(now.incrementAndGet(), Math::max);
				try {
					Thread.sleep(holdMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				now.decrementAndGet();
			}
			return event.getResponseDefinition();
		}

		@Override
		public String getName() {
			return "in-flight";
		}
	}

	/** One LMS: its WireMock, registration, course and badge with its column. */
	final class Lms {

		final WireMockServer server;

		final InFlight inFlight;

		final BadgeClass badge;

		Lms(int holdMillis) {
			inFlight = new InFlight(holdMillis);
			server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(40).extensions(inFlight));
			server.start();
			started.add(this);
			String base = "http://127.0.0.1:" + server.port();
			Registration registration = ScoreWriteBackIntegrationTest.registered(registrations, server);
			server.stubFor(post(urlPathEqualTo(SCORES)).atPriority(5).willReturn(aResponse().withStatus(200)));
			long contextId = courses.recordLaunch(ScoreWriteBackIntegrationTest.launch(registration, "3", CourseRole.TEACHER, null, null))
					.contextId();
			badge = badges.create("Data Literacy", "", contextId, "3");
			courses.recordLaunch(ScoreWriteBackIntegrationTest.launch(registration, "3", CourseRole.TEACHER, badge.id(),
					base + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1"));
		}

		Award award(String learner) {
			courses.recordLaunch(ScoreWriteBackIntegrationTest.launch(registrations.find(courses.context(badge.contextId())
					.orElseThrow().registrationId()).orElseThrow(), learner, CourseRole.LEARNER, badge.id(), null));
			return awards.awardByHand(badge.id(), learner, "teacher:3", "Final project passed").orElseThrow();
		}

		/** Score requests in the order received. */
		List<ServeEvent> requests() {
			return server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(SCORES))
					.sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
		}

		long accepted(String learner) {
			return requests().stream().filter(e -> e.getResponse().getStatus() / 100 == 2)
					.filter(e -> learner.equals(ScoreWriteBackIntegrationTest.body(e).get("userId"))).count();
		}

		/** The first score request answered {@code status}. */
		ServeEvent first(int status) {
			return requests().stream().filter(e -> e.getResponse().getStatus() == status).findFirst().orElseThrow();
		}
	}

	@AfterEach
	void stop() {
		started.forEach(lms -> lms.server.stop());
	}

	boolean posted(Award award) {
		return jdbc.sql("select count(*) from award_score_post where award_id=? and status='POSTED'").param(award.id())
				.query(Integer.class).single() == 1
				&& jdbc.sql("select count(*) from event_publication where completion_date is null and listener_id like '%AwardListeners%'"
						+ " and serialized_event like ?").param("%" + award.id() + "%").query(Integer.class).single() == 0;
	}

	static long loggedAt(ServeEvent e) {
		return e.getRequest().getLoggedDate().getTime();
	}

	@Test
	void postsOfAPlatformRunInParallelWithinTheBound() {
		Lms lms = new Lms(300);
		List<Award> made = new ArrayList<>();
		for (int learner = 10; learner < 22; learner++) {
			made.add(lms.award(String.valueOf(learner)));
		}
		await().atMost(LIMIT).until(() -> made.stream().allMatch(this::posted));

		assertThat(lms.inFlight.most.get()).as("posts in flight at once").isLessThanOrEqualTo(3).isGreaterThan(1);
		for (int learner = 10; learner < 22; learner++) {
			assertThat(lms.accepted(String.valueOf(learner))).as("posts for learner " + learner).isEqualTo(1);
		}
	}

	@Test
	void retryAfterPausesThePlatformThenEveryPostLandsOnce() {
		Lms lms = new Lms(0);
		lms.server.stubFor(post(urlPathEqualTo(SCORES)).atPriority(1).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("open"));
		Award first = lms.award("10");
		await().atMost(LIMIT).until(() -> lms.requests().size() == 1);
		List<Award> later = List.of(lms.award("11"), lms.award("12"), lms.award("13"));
		await().atMost(LIMIT).until(() -> posted(first) && later.stream().allMatch(this::posted));

		long busyAt = loggedAt(lms.first(429));
		assertThat(lms.requests()).hasSize(5);
		assertThat(lms.requests().subList(1, 5)).as("every post after the 429 waited for Retry-After")
				.allSatisfy(e -> assertThat(loggedAt(e)).isGreaterThanOrEqualTo(busyAt + 3000));
		for (String learner : List.of("10", "11", "12", "13")) {
			assertThat(lms.accepted(learner)).as("posts accepted for learner " + learner).isEqualTo(1);
		}
		assertThat(jdbc.sql("select status from award_score_post where award_id=?").param(first.id()).query(String.class).single())
				.isEqualTo("POSTED");
	}

	@Test
	void anotherPlatformGoesOnWhileOneIsPausedByAnHttpDate() {
		Lms busy = new Lms(0);
		Lms other = new Lms(0);
		String until = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(12));
		busy.server.stubFor(post(urlPathEqualTo(SCORES)).atPriority(1).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503).withHeader("Retry-After", until)).willSetStateTo("open"));
		Award paused = busy.award("10");
		await().atMost(LIMIT).until(() -> busy.requests().size() == 1);
		List<Award> meanwhile = List.of(other.award("20"), other.award("21"), other.award("22"));
		await().atMost(LIMIT).until(() -> meanwhile.stream().allMatch(this::posted));
		assertThat(busy.requests()).as("the paused platform is not asked again before its Retry-After").hasSize(1);

		await().atMost(LIMIT).until(() -> posted(paused));
		assertThat(busy.accepted("10")).isEqualTo(1);
		assertThat(loggedAt(busy.requests().get(1))).isGreaterThanOrEqualTo(loggedAt(busy.first(503)) + 10_000);
		for (String learner : List.of("20", "21", "22")) {
			assertThat(other.accepted(learner)).isEqualTo(1);
		}
	}

	@Test
	void aFailedPostIsRetriedLaterAndNotLost() {
		Lms lms = new Lms(0);
		var down = lms.server.stubFor(post(urlPathEqualTo(SCORES)).atPriority(1).willReturn(aResponse().withStatus(500)));
		Award award = lms.award("10");
		await().atMost(LIMIT).until(() -> "FAILED".equals(jdbc.sql("select status from award_score_post where award_id=?")
				.param(award.id()).query(String.class).single()));
		lms.server.removeStub(down);

		await().atMost(LIMIT).until(() -> posted(award));
		assertThat(lms.accepted("10")).as("resubmitted and posted once").isEqualTo(1);
	}
}
