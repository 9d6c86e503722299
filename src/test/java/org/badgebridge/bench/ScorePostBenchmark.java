package org.badgebridge.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.badgebridge.BadgeBridgeApplication;
import org.badgebridge.award.internal.ScorePosts;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.FreePort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Benchmark (not a test; {@code ./mvnw -Pbench test -Dtest=ScorePostBenchmark}): "earned" write-backs of 5,000 awards
 * to a local LMS (WireMock in this JVM) that answers each score post after 100 ms, through the path the
 * {@code BadgeAwarded} listener takes ({@code ScorePosts.postEarnedLater}: the platform's lane, the claim of the
 * recorded row, the POST, the answer recorded), with {@code bench.connections} (12) posts at once. One at a time (each
 * post awaited before the next is submitted, same path) is measured on a sample of 200 and extrapolated to 5,000;
 * in parallel all 5,000 are posted. Runs alternate, in one application.
 * Every run checks that each learner's score was posted exactly once and every row is POSTED.
 */
class ScorePostBenchmark {

	static final int POSTS = Integer.getInteger("bench.posts", 5000);

	static final int SAMPLE = Integer.getInteger("bench.sample", 200);

	static final int RUNS = Integer.getInteger("bench.runs", 3);

	static final int DELAY_MS = Integer.getInteger("bench.delay", 100);

	static final String SCORES = "/mod/lti/services.php/2/lineitems/2/lineitem/scores";

	@Test
	void scorePosts() throws Exception {
		WireMockServer lms = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(80)
				.jettyAcceptors(2));
		lms.start();
		int port = FreePort.find();
		int connections = Integer.getInteger("bench.connections", 12);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BadgeBridgeApplication.class)
				.web(WebApplicationType.SERVLET).profiles("test")
				.run("--server.port=" + port, "--badgebridge.public-url=http://localhost:" + port,
						"--badgebridge.lms.score-posts.connections=" + connections, "--logging.level.org.badgebridge=warn")) {
			lms.stubFor(post(urlPathEqualTo(SCORES)).willReturn(aResponse().withStatus(200).withFixedDelay(DELAY_MS)));
			String base = "http://127.0.0.1:" + lms.port();
			Registration registration = app.getBean(Registrations.class).create(new RegistrationValues("Moodle bench", base,
					"client", "moodle", base + "/mod/lti/auth.php", base + "/mod/lti/token.php", null, base + "/mod/lti/certs.php",
					null, List.of("1"), RegistrationState.ACTIVE), "bench");
			lms.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
			Courses courses = app.getBean(Courses.class);
			long context = courses.recordLaunch(launch(registration, null, null)).contextId();
			String badge = app.getBean(Badges.class).create("Data Literacy", "", context, "3").id();
			courses.recordLaunch(launch(registration, badge, base + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1"));
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			ScorePosts scorePosts = app.getBean(ScorePosts.class);
			run(jdbc, scorePosts, lms, badge, context, 50, false); // warm-up
			List<Double> sequential = new ArrayList<>();
			List<Double> parallel = new ArrayList<>();
			for (int run = 0; run < RUNS; run++) { // interleaved
				sequential.add(run(jdbc, scorePosts, lms, badge, context, SAMPLE, false));
				parallel.add(run(jdbc, scorePosts, lms, badge, context, POSTS, true));
			}
			double perPost = IssuingBenchmark.median(sequential) / SAMPLE;
			double all = IssuingBenchmark.median(parallel);
			System.out.printf("%nBENCH score posts one at a time: %d posts a run, runs %s s, median %.1f ms a post (%.1f posts/s);"
					+ " 5,000 extrapolated: %.0f s%n", SAMPLE, sequential, perPost * 1000, 1 / perPost, perPost * 5000);
			System.out.printf("BENCH score posts, %d connections: %d posts a run, runs %s s, median %.1f s (%.0f posts/s);"
					+ " one at a time / parallel: %.1f%n", connections, POSTS, parallel, all, POSTS / all, perPost * POSTS / all);
		}
		finally {
			lms.stop();
		}
	}

	/**
	 * Seconds to post {@code posts} recorded "earned" scores: all submitted at once ({@code parallel}), or each awaited
	 * before the next is submitted (one at a time, through the same lane).
	 */
	static double run(JdbcTemplate jdbc, ScorePosts scorePosts, WireMockServer lms, String badge, long context, int posts,
			boolean parallel) throws Exception {
		List<String> awards = awards(jdbc, badge, context, posts, UUID.randomUUID().toString().substring(0, 8) + "-");
		lms.resetRequests();
		long start = System.nanoTime();
		if (parallel) {
			List<CompletableFuture<Void>> done = awards.stream().map(id -> scorePosts.postEarnedLater(id, null)).toList();
			CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
		}
		else {
			for (String id : awards) {
				scorePosts.postEarnedLater(id, null).get(5, TimeUnit.MINUTES);
			}
		}
		double seconds = Math.round((System.nanoTime() - start) / 1e8) / 10.0;
		check(jdbc, awards, lms);
		return seconds;
	}

	static LaunchFacts launch(Registration registration, String badgeId, String lineItem) {
		return new LaunchFacts(registration.id(), "1", "2", "LTI101", "Bench course", "3", "Teacher", "t@example.edu", "en",
				List.of("Instructor"), CourseRole.TEACHER, "1", "Badge link", badgeId, null, lineItem, List.of(), null);
	}

	/** Awards with their "earned" recorded to be posted, as awarding leaves them (bulk SQL: awarding is not measured). */
	static List<String> awards(JdbcTemplate jdbc, String badge, long context, int count, String prefix) {
		long now = System.currentTimeMillis();
		List<Object[]> awards = new ArrayList<>();
		List<Object[]> posts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = UUID.randomUUID().toString();
			awards.add(new Object[] { id, badge, context, prefix + i, "Learner " + i, now, "system", "criteria met" });
			posts.add(new Object[] { id, now, "EARNED", "PENDING" });
		}
		jdbc.batchUpdate("insert into award (id, badge_id, context_id, user_sub, recipient_name, awarded_at, awarded_by, reason)"
				+ " values (?,?,?,?,?,?,?,?)", awards);
		jdbc.batchUpdate("insert into award_score_post (award_id, score_at, state, status) values (?,?,?,?)", posts);
		return awards.stream().map(a -> (String) a[0]).toList();
	}

	/** Every row POSTED, and the LMS received one score per learner, none twice. */
	static void check(JdbcTemplate jdbc, List<String> awards, WireMockServer lms) {
		List<String> learners = lms.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(SCORES))
				.map(e -> e.getRequest().getBodyAsString().replaceAll(".*\"userId\":\"([^\"]+)\".*", "$1")).toList();
		if (learners.size() != awards.size() || Set.copyOf(learners).size() != awards.size()) {
			throw new IllegalStateException("the LMS received " + learners.size() + " score posts for "
					+ Set.copyOf(learners).size() + " learners, not one for each of " + awards.size());
		}
		Set<String> ids = Set.copyOf(awards);
		List<String> posted = jdbc.queryForList("select award_id from award_score_post where status='POSTED' and lms_answer='HTTP 200'",
				String.class).stream().filter(ids::contains).toList();
		if (posted.size() != awards.size() || Set.copyOf(posted).size() != awards.size()) {
			throw new IllegalStateException(posted.size() + " of " + awards.size() + " posted: " + Arrays.toString(jdbc
					.queryForList("select status from award_score_post", String.class).stream()
					.collect(Collectors.groupingBy(s -> s, Collectors.counting())).entrySet().toArray()));
		}
	}
}
