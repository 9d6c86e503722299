package org.badgebridge.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Criteria;
import org.badgebridge.badge.Criterion;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.CourseSyncs;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.course.SyncStatus;
import org.badgebridge.mail.internal.OutboxDelivery;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.FreePort;

/**
 * Benchmark (not a test; {@code ./mvnw -Pbench test -Dtest=SyncBenchmark}): a course of 5,000 learners and 20
 * readable columns served by a local LMS (pages of 1,000 results, as a platform with a page limit would):
 * first sync + evaluation, an unchanged re-sync, awarding all 5,000 with their score write-backs and queued
 * claim mails, and delivering the 5,000 mails to a local SMTP server. Prints the figures for docs/benchmarks.md.
 */
@SpringBootTest(properties = { "badgebridge.mail.poll-interval=1h", "badgebridge.events.resubmit-after=10m",
		"logging.level.org.badgebridge=warn", "spring.task.execution.pool.core-size=8", "spring.task.execution.pool.max-size=8" })
@ActiveProfiles("test")
class SyncBenchmark {

	static final int LEARNERS = Integer.getInteger("bench.learners", 5000);

	static final int COLUMNS = 20;

	static final int PAGE = 1000;

	static final int LMS_PORT = FreePort.find();

	static final int SMTP_PORT = FreePort.find();

	static HttpServer lms;

	static final AtomicInteger requests = new AtomicInteger();

	static final AtomicInteger scores = new AtomicInteger();

	static volatile int scoreBase = 60;

	static volatile String badgeResourceId = "";

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeAll
	static void startLms() throws IOException {
		lms = HttpServer.create(new InetSocketAddress("127.0.0.1", LMS_PORT), 200);
		lms.setExecutor(Executors.newFixedThreadPool(8));
		String base = "http://127.0.0.1:" + LMS_PORT;
		lms.createContext("/", exchange -> {
			requests.incrementAndGet();
			String path = exchange.getRequestURI().getPath();
			String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
			if (path.equals("/token")) {
				send(exchange, 200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}", null);
			}
			else if (path.equals("/services/2/lineitems")) {
				StringBuilder b = new StringBuilder("[");
				for (int c = 0; c <= COLUMNS; c++) { // column 0 is the badge link's own column
					b.append(c == 0 ? "" : ",").append("{\"id\":\"").append(base).append("/services/2/lineitems/").append(c)
							.append("/lineitem?type_id=1\",\"label\":\"Column ").append(c).append("\",\"scoreMaximum\":100")
							.append(c == 0 ? ",\"resourceLinkId\":\"1\",\"resourceId\":\"" + badgeResourceId + "\"" : "").append("}");
				}
				send(exchange, 200, b.append("]").toString(), null);
			}
			else if (path.endsWith("/lineitem/results")) {
				int column = Integer.parseInt(path.split("/")[4]);
				int from = query.contains("from=") ? Integer.parseInt(query.replaceAll(".*from=(\\d+).*", "$1")) : 0;
				StringBuilder b = new StringBuilder("[");
				int to = column == 0 ? 0 : Math.min(LEARNERS, from + PAGE);
				for (int i = from; i < to; i++) {
					b.append(i == from ? "" : ",").append("{\"userId\":\"u").append(i).append("\",\"resultScore\":")
							.append(scoreBase + (i + column) % 40).append(",\"resultMaximum\":100,\"timestamp\":\"2026-11-28T10:00:00+00:00\"}");
				}
				String next = to < LEARNERS && column != 0 ? "<" + base + path + "?type_id=1&limit=" + PAGE + "&from=" + to + ">; rel=\"next\"" : null;
				send(exchange, 200, b.append("]").toString(), next);
			}
			else if (path.endsWith("/lineitem/scores")) {
				exchange.getRequestBody().readAllBytes();
				scores.incrementAndGet();
				send(exchange, 200, "", null);
			}
			else if (path.equals("/services/2/memberships")) {
				int from = query.contains("from=") ? Integer.parseInt(query.replaceAll(".*from=(\\d+).*", "$1")) : 0;
				int to = Math.min(LEARNERS, from + PAGE);
				StringBuilder b = new StringBuilder("{\"id\":\"m\",\"members\":[");
				for (int i = from; i < to; i++) {
					b.append(i == from ? "" : ",").append("{\"user_id\":\"u").append(i).append("\",\"roles\":[\"Learner\"],\"name\":\"Learner ")
							.append(i).append("\",\"email\":\"u").append(i).append("@example.edu\"}");
				}
				String next = to < LEARNERS ? "<" + base + path + "?limit=" + PAGE + "&from=" + to + ">; rel=\"next\"" : null;
				send(exchange, 200, b.append("]}").toString(), next);
			}
			else {
				send(exchange, 404, "", null);
			}
		});
		lms.start();
	}

	static void send(HttpExchange exchange, int status, String body, String link) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		if (link != null) {
			exchange.getResponseHeaders().add("Link", link);
		}
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@AfterAll
	static void stopLms() {
		lms.stop(0);
	}

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
	OutboxDelivery delivery;

	@Autowired
	JdbcClient jdbc;

	static long residentMb() throws java.io.IOException {
		return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
				.map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
	}

	static long usedHeapMb() {
		System.gc();
		Runtime r = Runtime.getRuntime();
		return (r.totalMemory() - r.freeMemory()) / 1024 / 1024;
	}

	@Test
	void fiveThousandLearnersTwentyColumns() throws Exception {
		String base = "http://127.0.0.1:" + LMS_PORT;
		Registration registration = registrations.create(new RegistrationValues("Bench LMS", base, "bench", "moodle", base + "/auth",
				base + "/token", null, base + "/jwks", null, List.of("1"), RegistrationState.ACTIVE), "bench");
		long contextId = courses.recordLaunch(new LaunchFacts(registration.id(), "1", "2", "B", "Bench course", "t", "Teacher",
				null, "en", List.of("Instructor"), CourseRole.TEACHER, "1", "Badge", null, base + "/services/2/lineitems?type_id=1",
				base + "/services/2/lineitems/0/lineitem?type_id=1", List.of(), base + "/services/2/memberships")).contextId();
		BadgeClass badge = badges.create("Bench badge", "", contextId, "t");
		badgeResourceId = "badgebridge:" + badge.id(); // the badge link's own column, as Deep Linking creates it
		List<Criterion> rules = new ArrayList<>();
		for (int c = 1; c <= COLUMNS; c++) {
			rules.add(new Criterion.ScoreRule("c" + c, new Criterion.Column(base + "/services/2/lineitems/" + c + "/lineitem?type_id=1",
					null, null, "Column " + c), Criterion.Threshold.PERCENT, 50));
		}
		badges.setCriteria(badge.id(), new Criteria(new Criterion.Group("all", Criterion.Mode.ALL, 0, rules), null));
		jdbc.sql("update badge_class set active=true where id=?").param(badge.id()).update();
		scoreBase = 0; // first: most learners below 50% somewhere, so reading and evaluation are measured without awards
		long heapBefore = usedHeapMb();
		System.out.printf("BENCH resident memory (VmRSS of this JVM) before the course: %d MB%n", residentMb());

		for (int run = 0; run < 6; run++) { // 1st: all rows new; then unchanged re-syncs
			requests.set(0);
			long t0 = System.nanoTime();
			SyncStatus status = syncs.sync(contextId);
			long t1 = System.nanoTime();
			int awarded = awards.evaluateCourse(contextId);
			long t2 = System.nanoTime();
			System.out.printf("BENCH sync %s: %d learners x %d columns: read+store %.2f s, evaluation %.2f s, %d HTTP requests, %d changed results, %d awarded (%s)%n",
					run == 0 ? "first" : "unchanged", LEARNERS, COLUMNS, (t1 - t0) / 1e9, (t2 - t1) / 1e9, requests.get(),
					status.changedResults(), awarded, status.outcome());
		}
		System.out.printf("BENCH heap after syncs: %d MB used (before: %d MB)%n", usedHeapMb(), heapBefore);
		// the whole test JVM (tool, the simulated LMS, GreenMail, test framework): an upper bound of the tool's own RSS
		System.out.printf("BENCH resident memory (VmRSS of this JVM) after syncs: %d MB%n", residentMb());

		// everyone now qualifies: the sync's CourseSynced listener awards all 5,000, with write-backs and claim mails
		scoreBase = 60;
		scores.set(0);
		long a0 = System.nanoTime();
		syncs.sync(contextId);
		long synced = System.nanoTime();
		int awarded = 0;
		int mails = 0;
		for (int i = 0; i < 3000 && (awarded < LEARNERS || scores.get() < LEARNERS || mails < LEARNERS); i++) {
			Thread.sleep(100);
			awarded = jdbc.sql("select count(*) from award where badge_id=?").param(badge.id()).query(Integer.class).single();
			mails = jdbc.sql("select count(*) from mail_outbox where dedup_key like 'claim:%'").query(Integer.class).single();
		}
		long a2 = System.nanoTime();
		System.out.printf("BENCH awarding: sync %.2f s, then %d awards, %d score write-backs (one POST each) and %d claim mails queued, all done %.2f s after the sync started%n",
				(synced - a0) / 1e9, awarded, scores.get(), mails, (a2 - a0) / 1e9);
		System.out.printf("BENCH heap after awarding: %d MB used%n", usedHeapMb());

		GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try {
			long m0 = System.nanoTime();
			int sent = 0;
			while (sent < mails && System.nanoTime() - m0 < 300_000_000_000L) {
				sent += delivery.deliverDue();
			}
			long m1 = System.nanoTime();
			int received = smtp.getReceivedMessages().length;
			System.out.printf("BENCH mail: %d claim mails delivered to a local SMTP server in %.2f s; received %d, distinct recipients %d%n",
					sent, (m1 - m0) / 1e9, received, java.util.Arrays.stream(smtp.getReceivedMessages()).map(m -> {
						try {
							return m.getAllRecipients()[0].toString();
						}
						catch (Exception ex) {
							return "?";
						}
					}).distinct().count());
		}
		finally {
			smtp.stop();
		}
	}
}
