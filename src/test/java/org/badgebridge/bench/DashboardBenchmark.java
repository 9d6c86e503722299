package org.badgebridge.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Criteria;
import org.badgebridge.badge.Criterion;
import org.badgebridge.support.CourseActors;
import org.badgebridge.support.FreePort;

/**
 * Benchmark (not a test; {@code ./mvnw -Pbench test -Dtest=DashboardBenchmark}): a badge's dashboard with 5,000
 * learners over real HTTP on loopback, as the teacher's browser asks for it inside the LMS's frame (a tool session
 * cookie, as a launch leaves it). The course: 5,000 active learners, one column the criterion reads ("at least 80%"),
 * 60% graded (spread 0..100), 1,000 awards (earned, claimed, suspended, revoked). Measured after a warm-up, each
 * request {@code bench.requests} times (default 50): the first page, a search, sorted by state, the last page, the
 * status JSON the page polls. Prints median, p90 and bytes per request for docs/benchmarks.md (target: median ≤ 1 s
 * and ≤ 200 kB for the page).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class DashboardBenchmark {

	static final int PORT = FreePort.find();

	static final int LEARNERS = Integer.getInteger("bench.learners", 5000);

	/** {@code -Dbench.allAwarded=true}: every learner holds an award (the state sort's worst case). */
	static final boolean ALL_AWARDED = Boolean.getBoolean("bench.allAwarded");

	static final String COLUMN = "https://lms.example.edu/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1";

	@DynamicPropertySource
	static void ports(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("badgebridge.public-url", () -> "http://localhost:" + PORT);
		registry.add("logging.level.org.badgebridge", () -> "warn");
		String mysql = System.getenv("BADGEBRIDGE_TEST_MYSQL_URL");
		if (mysql != null && Boolean.getBoolean("bench.mysql")) {
			registry.add("spring.datasource.url", () -> mysql);
			registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("BADGEBRIDGE_TEST_MYSQL_USER", "badgebridge"));
			registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("BADGEBRIDGE_TEST_MYSQL_PASSWORD", "badgebridge"));
		}
	}

	@Autowired
	CourseActors actors;

	@Autowired
	Badges badges;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/** Learner i: graded when i % 5 != 0 and != 1 (60%), score i % 101; awards for every fifth graded with 80 or more. */
	void course(long context, String badgeId) {
		long now = System.currentTimeMillis();
		jdbc.update("insert into course_line_item (context_id, url_hash, lineitem_url, label, score_maximum, tag, last_seen_at) values (?,?,?,?,?,?,?)",
				context, String.format("%064x", context), COLUMN, "Final project", 100.0, "badgebridge", now);
		long line = jdbc.queryForObject("select id from course_line_item where context_id=? and lineitem_url=?", Long.class, context, COLUMN);
		List<Object[]> members = new ArrayList<>();
		List<Object[]> results = new ArrayList<>();
		List<Object[]> awards = new ArrayList<>();
		String[] first = { "Anna", "Bram", "Chloë", "Daan", "Emma", "Finn", "Julia", "Lars", "Noor", "Sem", "Sophie", "Thijs" };
		String[] last = { "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos" };
		for (int i = 0; i < LEARNERS; i++) {
			String sub = "bench-" + i;
			String name = first[i % first.length] + " " + last[(i / first.length) % last.length] + " " + i;
			members.add(new Object[] { context, sub, name, sub + "@student.example.edu", "LEARNER", "Active", true });
			if (i % 5 > 1 || ALL_AWARDED) {
				double score = i % 101;
				results.add(new Object[] { line, sub, score, 100.0, now, now });
				if (score >= 80 || i % 50 == 2 || ALL_AWARDED) { // most who meet it, and a few by hand
					int kind = i % 7;
					awards.add(new Object[] { UUID.randomUUID().toString(), badgeId, context, sub, name, now, "system", "criteria met",
							kind == 3 ? now : null, kind == 4 ? now : null, kind == 5 ? now : null, kind == 5 ? "fraud" : null });
				}
			}
		}
		jdbc.batchUpdate("insert into course_member (context_id, user_sub, name, email, role, status, in_roster) values (?,?,?,?,?,?,?)", members);
		jdbc.batchUpdate("insert into course_result (line_item_id, user_sub, score, maximum, result_at, changed_at) values (?,?,?,?,?,?)", results);
		jdbc.batchUpdate("insert into award (id, badge_id, context_id, user_sub, recipient_name, awarded_at, awarded_by, reason, claimed_at, "
				+ "suspended_at, revoked_at, revoke_reason) values (?,?,?,?,?,?,?,?,?,?,?,?)", awards);
		// the course was read a minute ago, successfully
		jdbc.update("insert into course_sync (context_id, last_started_at, last_finished_at, duration_ms, outcome, requests, changed_results, "
				+ "last_activity_at) values (?,?,?,?,?,?,?,?)", context, now - 61_000, now - 60_000, 1000, "SUCCESS", 12, 0, now);
		System.out.printf("%nBENCH dashboard course: %d learners, %d graded, %d awards%n", members.size(), results.size(), awards.size());
	}

	record Figures(double medianMs, double p90Ms, int bytes) {
	}

	Figures measure(String url, String cookie, int warmUp, int n) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).header("Accept-Language", "nl,en;q=0.5")
				.GET().build();
		int bytes = 0;
		for (int i = 0; i < warmUp; i++) {
			bytes = send(request).length;
		}
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			long t0 = System.nanoTime();
			bytes = send(request).length;
			times.add(System.nanoTime() - t0);
		}
		Collections.sort(times);
		return new Figures(times.get(n / 2) / 1e6, times.get(n * 90 / 100) / 1e6, bytes);
	}

	byte[] send(HttpRequest request) throws Exception {
		HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
		}
		return response.body();
	}

	@Test
	void dashboardWithFiveThousandLearners() throws Exception {
		CourseActors.Cast cast = actors.cast();
		String badgeId = cast.badge().id();
		badges.setCriteria(badgeId, new Criteria(new Criterion.ScoreRule("r", new Criterion.Column(COLUMN, null, "badgebridge",
				"Final project"), Criterion.Threshold.PERCENT, 80), null));
		course(cast.badge().contextId(), badgeId);
		String cookie = cast.teacher().getName() + "=" + cast.teacher().getValue();
		String base = "http://localhost:" + PORT + "/lti/teach/badges/" + badgeId;
		int pages = (LEARNERS + 49) / 50;
		Map<String, String> urls = new LinkedHashMap<>();
		urls.put("first page", base);
		urls.put("search \"jansen 1\"", base + "?q=jansen+1");
		urls.put("sorted by state", base + "?sort=state");
		urls.put("sorted by state, descending", base + "?sort=state-desc");
		urls.put("sorted by score, highest first", base + "?sort=score-desc");
		urls.put("last page", base + "?page=" + pages);
		urls.put("status JSON", base + "/status");
		int n = Integer.getInteger("bench.requests", 50);
		for (String url : urls.values()) { // warm-up: JIT, pools, caches
			measure(url, cookie, 20, 1);
		}
		System.out.printf("%nBENCH dashboard, %d learners, %d requests each after warm-up%n", LEARNERS, n);
		System.out.println("| Request | Median | p90 | Bytes | Median / 1 s | Bytes / 200 kB |");
		System.out.println("|---|---|---|---|---|---|");
		for (Map.Entry<String, String> e : urls.entrySet()) {
			Figures f = measure(e.getValue(), cookie, 5, n);
			System.out.printf("| %s | %.1f ms | %.1f ms | %,d | %.3f | %.3f |%n", e.getKey(), f.medianMs(), f.p90Ms(), f.bytes(),
					f.medianMs() / 1000, f.bytes() / 200_000.0);
		}
	}
}
