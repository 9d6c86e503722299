package org.badgebridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.badgebridge.BadgeBridgeApplication;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.Courses;
import org.badgebridge.credential.CredentialFixtures;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.FreePort;
import org.badgebridge.support.HttpBrowser;

/**
 * Benchmark (not a test; {@code ./mvnw -Pbench test -Dtest=CredentialBenchmark}, needs {@code wrk}): issuing
 * OB 3.0 credentials (both proofs) per second, then the hosted OB 2.0 assertion JSON and the public verification
 * page under load from wrk (a second process on loopback), each against a static file of the same bytes served by
 * the same application. Prints the figures for docs/benchmarks.md.
 */
class CredentialBenchmark {

	static final int ISSUES = Integer.getInteger("bench.issues", 200);

	static final int RUNS = 5;

	record Load(double rps, double p99ms) {
	}

	@Test
	void issuingAndServing() throws Exception {
		int port = FreePort.find();
		String base = "http://localhost:" + port;
		Path staticDir = Path.of("target", "bench-static").toAbsolutePath();
		Files.createDirectories(staticDir);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BadgeBridgeApplication.class)
				.web(WebApplicationType.SERVLET).profiles("test")
				.run("--server.port=" + port, "--badgebridge.public-url=" + base, "--logging.level.org.badgebridge=warn",
						"--spring.web.resources.static-locations=classpath:/static/,file:" + staticDir + "/")) {
			CredentialFixtures fixtures = new CredentialFixtures(app.getBean(Registrations.class), app.getBean(Courses.class),
					app.getBean(Badges.class), app.getBean(Awards.class));
			OpenBadges3 ob3 = app.getBean(OpenBadges3.class);

			List<String> awards = new ArrayList<>();
			for (int i = 0; i < ISSUES + 20; i++) {
				awards.add(fixtures.claimedMicroCredential("learner" + i + "@example.edu").award().id());
			}
			Thread.sleep(5000); // the claim listeners mint the credentials; drop them to measure minting here
			org.springframework.jdbc.core.simple.JdbcClient jdbc = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
			jdbc.sql("delete from ob3_credential").update();
			List<String> fresh = new ArrayList<>(awards);
			for (String id : fresh.subList(0, Math.min(20, fresh.size()))) {
				ob3.issue(id); // warm-up
			}
			List<Long> nanos = new ArrayList<>();
			long start = System.nanoTime();
			int issued = 0;
			for (String id : fresh.subList(Math.min(20, fresh.size()), fresh.size())) {
				long t = System.nanoTime();
				ob3.issue(id);
				nanos.add(System.nanoTime() - t);
				issued++;
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			Collections.sort(nanos);
			System.out.printf("%nBENCH issuing: %d credentials, median %.1f ms, p90 %.1f ms, %.1f per second (one thread)%n", issued,
					nanos.get(nanos.size() / 2) / 1e6, nanos.get(nanos.size() * 9 / 10) / 1e6, issued / seconds);

			String award = awards.get(0);
			HttpBrowser http = new HttpBrowser();
			String assertion = http.get(base + "/ob2/assertions/" + award, java.util.Map.of("Accept", "application/ld+json")).body();
			String page = http.get(base + "/verify/" + award).body();
			Files.writeString(staticDir.resolve("bench-assertion.json"), assertion);
			Files.writeString(staticDir.resolve("bench-verify.html"), page);
			System.out.printf("BENCH sizes: assertion %d bytes, verification page %d bytes%n", assertion.length(), page.length());

			String[][] targets = { { "hosted assertion JSON", base + "/ob2/assertions/" + award, "application/ld+json" },
					{ "static file, same bytes", base + "/bench-assertion.json", "application/ld+json" },
					{ "verification page", base + "/verify/" + award, "text/html" },
					{ "static file, same bytes", base + "/bench-verify.html", "text/html" } };
			for (String[] target : targets) {
				wrk(target[1], target[2], 10); // warm-up
				List<Load> loads = new ArrayList<>();
				for (int run = 0; run < RUNS; run++) {
					loads.add(wrk(target[1], target[2], 10));
				}
				List<Double> rps = loads.stream().map(Load::rps).sorted().toList();
				List<Double> p99 = loads.stream().map(Load::p99ms).sorted().toList();
				System.out.printf("BENCH %-26s median %8.0f req/s (runs %s), p99 median %.1f ms%n", target[0], rps.get(RUNS / 2), rps,
						p99.get(RUNS / 2));
			}
		}
	}

	static Load wrk(String url, String accept, int seconds) throws IOException, InterruptedException {
		Process p = new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency", "-H", "Accept: " + accept, url)
				.redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		p.waitFor();
		return parse(out, url);
	}

	/** Requests per second and p99 latency from wrk's output ({@code --latency}); error answers fail the benchmark. */
	static Load parse(String out, String url) {
		Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
		Matcher p99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)").matcher(out);
		Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
		if (!rps.find() || !p99.find()) {
			throw new IllegalStateException("wrk output not understood:\n" + out);
		}
		if (non2xx.find()) {
			throw new IllegalStateException("wrk saw " + non2xx.group(1) + " error responses from " + url);
		}
		double latency = Double.parseDouble(p99.group(1));
		latency = switch (p99.group(2)) {
			case "us" -> latency / 1000;
			case "s" -> latency * 1000;
			default -> latency;
		};
		return new Load(Double.parseDouble(rps.group(1)), latency);
	}
}
