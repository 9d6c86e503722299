package org.badgebridge.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.badgebridge.BadgeBridgeApplication;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.Courses;
import org.badgebridge.credential.CredentialFixtures;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.FreePort;

/**
 * Benchmark (not a test; {@code ./mvnw -Pbench test -Dtest=IssuingBenchmark}): OB 3.0 credentials issued per second
 * ({@code OpenBadges3.issue}: both proofs, every document canonicalised in full, stored) with 1, 2 and 4 threads in
 * the same run, rounds interleaved, and the ratio to one thread. The test suite's schema check of every minted
 * credential (a test-only hook) is off unless {@code -Dbench.schemaCheck=true}: production has none.
 */
class IssuingBenchmark {

	static final int ISSUES = Integer.getInteger("bench.issues", 200);

	static final int RUNS = Integer.getInteger("bench.runs", 3);

	static final int[] THREADS = { 1, 2, 4 };

	static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

	/** CPU time of the issuing threads per credential (ms), per thread count: what the load of others does not change. */
	static final Map<Integer, List<Double>> CPU_MS = new java.util.concurrent.ConcurrentHashMap<>();

	@Test
	void issuingWithOneAndMoreThreads() throws Exception {
		int port = FreePort.find();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BadgeBridgeApplication.class)
				.web(WebApplicationType.SERVLET).profiles("test")
				.run("--server.port=" + port, "--badgebridge.public-url=http://localhost:" + port, "--logging.level.org.badgebridge=warn",
						"--badgebridge.test.schema-check=" + Boolean.getBoolean("bench.schemaCheck"))) {
			CredentialFixtures fixtures = new CredentialFixtures(app.getBean(Registrations.class), app.getBean(Courses.class),
					app.getBean(Badges.class), app.getBean(Awards.class));
			OpenBadges3 ob3 = app.getBean(OpenBadges3.class);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			List<String> awards = new ArrayList<>();
			for (int i = 0; i < ISSUES; i++) {
				awards.add(fixtures.claimedMicroCredential("learner" + i + "@example.edu").award().id());
			}
			Thread.sleep(5000); // the claim listeners mint the credentials; each round deletes them and mints them here
			round(ob3, jdbc, awards, 1);
			round(ob3, jdbc, awards, 2); // warm-up
			CPU_MS.clear();
			Map<Integer, List<Double>> rates = new LinkedHashMap<>();
			for (int run = 0; run < RUNS; run++) {
				for (int threads : THREADS) {
					rates.computeIfAbsent(threads, t -> new ArrayList<>()).add(round(ob3, jdbc, awards, threads));
				}
			}
			double one = median(rates.get(1));
			System.out.printf("%nBENCH issuing: %d credentials a round, %d cores, schema check %s%n", ISSUES,
					Runtime.getRuntime().availableProcessors(), Boolean.getBoolean("bench.schemaCheck") ? "on" : "off");
			rates.forEach((threads, r) -> System.out.printf("BENCH issuing, %d thread(s): rounds %s credentials/s, median %.0f,"
					+ " ratio to one thread %.2f; CPU of the issuing threads per credential %s ms (median %.1f: %.0f per CPU second)%n",
					threads, r, median(r), median(r) / one, CPU_MS.get(threads), median(CPU_MS.get(threads)), 1000 / median(CPU_MS.get(threads))));
		}
	}

	/** Credentials per second minting every award's credential afresh with {@code threads} threads. */
	static double round(OpenBadges3 ob3, JdbcClient jdbc, List<String> awards, int threads) throws Exception {
		jdbc.sql("delete from ob3_credential").update();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			AtomicInteger next = new AtomicInteger();
			java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
			long start = System.nanoTime();
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				workers.add(pool.submit(() -> {
					long started = CPU.getCurrentThreadCpuTime();
					for (int i = next.getAndIncrement(); i < awards.size(); i = next.getAndIncrement()) {
						ob3.issue(awards.get(i));
					}
					cpu.addAndGet(CPU.getCurrentThreadCpuTime() - started);
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
			double rate = Math.round(awards.size() / ((System.nanoTime() - start) / 1e9));
			CPU_MS.computeIfAbsent(threads, t -> new ArrayList<>()).add(Math.round(cpu.get() / 1e5 / awards.size()) / 10.0);
			return rate;
		}
		finally {
			pool.shutdown();
		}
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}
}
