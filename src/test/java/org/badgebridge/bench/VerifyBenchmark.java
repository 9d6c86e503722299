package org.badgebridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

/**
 * Benchmark (not a test; {@code ./mvnw -Pbench test -Dtest=VerifyBenchmark}, needs {@code wrk}): {@code POST /verify}
 * of genuine OB 3.0 credentials (pasted JSON, Data Integrity proof) under load from wrk with 16 connections, the rate
 * limit lifted. Once with the verification cache off ({@code badgebridge.verify.cache.max-entries=0}): wrk rotates over
 * N distinct credentials, then sends one credential again and again; once with the cache on: the same credential
 * (every request a hit, its status re-checked). Prints medians of the runs for docs/benchmarks.md.
 */
class VerifyBenchmark {

	static final int CREDENTIALS = Integer.getInteger("bench.credentials", 200);

	static final int RUNS = Integer.getInteger("bench.runs", 5);

	static final int SECONDS = Integer.getInteger("bench.seconds", 10);

	@Test
	void verifyingGenuineCredentials() throws Exception {
		Path dir = Path.of("target", "bench-verify").toAbsolutePath();
		Files.createDirectories(dir);
		Path script = dir.resolve("verify-rotate.lua");
		try (var in = VerifyBenchmark.class.getResourceAsStream("/bench/verify-rotate.lua")) {
			Files.write(script, in.readAllBytes());
		}
		String token = UUID.randomUUID().toString();
		List<String> lines = new ArrayList<>();
		for (boolean cache : new boolean[] { false, true }) {
			int port = FreePort.find();
			String base = "http://localhost:" + port;
			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BadgeBridgeApplication.class)
					.web(WebApplicationType.SERVLET).profiles("test")
					.run("--server.port=" + port, "--badgebridge.public-url=" + base, "--logging.level.org.badgebridge=warn",
							"--badgebridge.verify.rate-limit-per-minute=100000000",
							"--badgebridge.verify.cache.max-entries=" + (cache ? 10_000 : 0))) {
				List<String> credentials = credentials(app, CREDENTIALS);
				Path bodies = dir.resolve(cache ? "cache-on" : "cache-off");
				Files.createDirectories(bodies);
				for (int i = 0; i < credentials.size(); i++) {
					Files.writeString(bodies.resolve(i + ".txt"), "text=" + URLEncoder.encode(credentials.get(i), StandardCharsets.UTF_8)
							+ "&_csrf=" + token);
				}
				Path one = dir.resolve(cache ? "one-on" : "one-off");
				Files.createDirectories(one);
				Files.copy(bodies.resolve("0.txt"), one.resolve("0.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				checkValid(base, token, credentials.get(0));
				if (!cache) {
					lines.add(measure("distinct credentials (" + CREDENTIALS + "), cache off", base, script, bodies, CREDENTIALS, token));
					lines.add(measure("one credential, cache off", base, script, one, 1, token));
				}
				else {
					lines.add(measure("one credential, cache on (hits)", base, script, one, 1, token));
					lines.add(measure("distinct credentials (" + CREDENTIALS + "), cache on", base, script, bodies, CREDENTIALS, token));
				}
			}
		}
		System.out.printf("%nBENCH /verify, %d cores, wrk -t2 -c16 -d%ds, %d runs each (median):%n", Runtime.getRuntime().availableProcessors(),
				SECONDS, RUNS);
		lines.forEach(System.out::println);
	}

	/** N genuine credentials of distinct awards (distinct learners), minted by the tool. */
	private static List<String> credentials(ConfigurableApplicationContext app, int n) throws InterruptedException {
		CredentialFixtures fixtures = new CredentialFixtures(app.getBean(Registrations.class), app.getBean(Courses.class),
				app.getBean(Badges.class), app.getBean(Awards.class));
		OpenBadges3 ob3 = app.getBean(OpenBadges3.class);
		List<String> awards = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			awards.add(fixtures.claimedMicroCredential("learner" + i + "@example.edu").award().id());
		}
		List<String> credentials = new ArrayList<>();
		for (String award : awards) {
			credentials.add(ob3.issue(award).json());
		}
		return credentials;
	}

	private static void checkValid(String base, String token, String credential) throws IOException, InterruptedException {
		String form = "text=" + URLEncoder.encode(credential, StandardCharsets.UTF_8) + "&_csrf=" + token;
		HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/verify"))
				.header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "bb_csrf=" + token)
				.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		if (page.statusCode() != 200 || !page.body().contains("id=\"verdict\" class=\"notice\"")) {
			throw new IllegalStateException("the credential is not VALID on /verify: " + page.statusCode() + "\n" + page.body());
		}
	}

	private static String measure(String what, String base, Path script, Path bodies, int n, String token)
			throws IOException, InterruptedException {
		wrk(base, script, bodies, n, token, 5); // warm-up
		List<Double> rps = new ArrayList<>();
		List<Double> p99 = new ArrayList<>();
		for (int run = 0; run < RUNS; run++) {
			double[] r = wrk(base, script, bodies, n, token, SECONDS);
			rps.add(r[0]);
			p99.add(r[1]);
		}
		List<Double> sorted = rps.stream().sorted().toList();
		return String.format("BENCH %-45s median %7.1f req/s (runs %s), p99 median %.1f ms, load %s", what, sorted.get(RUNS / 2), rps,
				p99.stream().sorted().toList().get(RUNS / 2), load());
	}

	private static String load() throws IOException {
		return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
	}

	private static double[] wrk(String base, Path script, Path bodies, int n, String token, int seconds)
			throws IOException, InterruptedException {
		Process p = new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency", "--timeout", "10s", "-s", script.toString(), base + "/verify",
				"--", bodies.toString(), String.valueOf(n), token).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		p.waitFor();
		CredentialBenchmark.Load load = CredentialBenchmark.parse(out, base + "/verify");
		return new double[] { load.rps(), load.p99ms() };
	}
}
