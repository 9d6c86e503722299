package org.badgebridge.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.FreePort;
import org.badgebridge.support.LtiFlows;
import org.badgebridge.support.TestPlatform;

/**
 * Benchmark (not a test; run with {@code ./mvnw -Pbench test}): the login + launch round trip over real
 * HTTP on loopback against the running tool, with a Moodle-shaped test platform. The timed part is the
 * three requests of the tool (login initiation, cookie check hop, launch); the platform's signing of the
 * id_token is done between them and not timed. Prints medians, p99 and throughput for docs/benchmarks.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class LaunchBenchmark {

	static final int PORT = FreePort.find();

	@org.junit.jupiter.api.extension.RegisterExtension
	static final TestPlatform platform = new TestPlatform();

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
	Registrations registrations;


	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	String base = "http://localhost:" + PORT;

	/** One login+launch; returns the server-side nanoseconds of the three tool requests. */
	long launch(String issuer, String client) throws Exception {
		Map<String, String> params = LtiFlows.loginParams(issuer, client, "1");
		params.put("target_link_uri", base + "/lti/launch");
		String form = params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		long t0 = System.nanoTime();
		HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(base + "/lti/login"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.discarding());
		String location = login.headers().firstValue("Location").orElseThrow();
		String state = location.substring(location.indexOf("state=") + 6);
		String cookie = login.headers().allValues("Set-Cookie").get(0).split(";")[0];
		HttpResponse<Void> check = http.send(HttpRequest.newBuilder(URI.create(location)).header("Cookie", cookie).GET().build(),
				HttpResponse.BodyHandlers.discarding());
		long t1 = System.nanoTime();
		String nonce = LtiFlows.query(check.headers().firstValue("Location").orElseThrow(), "nonce");
		String token = platform.sign(TestPlatform.moodlePayload("teacher1"), nonce, c -> {
			c.put("iss", issuer);
			c.put("aud", client);
		});
		long t2 = System.nanoTime();
		HttpResponse<Void> launch = http.send(HttpRequest.newBuilder(URI.create(base + "/lti/launch"))
				.header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
				.POST(HttpRequest.BodyPublishers.ofString("id_token=" + token + "&state=" + state)).build(),
				HttpResponse.BodyHandlers.discarding());
		long t3 = System.nanoTime();
		if (launch.statusCode() != 302) {
			throw new IllegalStateException("launch answered " + launch.statusCode());
		}
		return (t1 - t0) + (t3 - t2);
	}

	@Test
	void loginAndLaunchRoundTrip() throws Exception {
		String issuer = platform.base();
		String client = "bench-client";
		registrations.create(platform.registration(issuer, client, List.of("1"), RegistrationState.ACTIVE), "bench");
		for (int i = 0; i < 300; i++) { // warm-up: JIT, JWKS cache, connection pool
			launch(issuer, client);
		}
		int n = Integer.getInteger("bench.launches", 2000);
		List<Long> times = new ArrayList<>(n);
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			times.add(launch(issuer, client));
		}
		double sequentialSeconds = (System.nanoTime() - start) / 1e9;
		Collections.sort(times);
		System.out.printf("%nBENCH login+launch sequential: n=%d median=%.2f ms p90=%.2f ms p99=%.2f ms; %.0f launches/s (incl. client-side signing)%n",
				n, times.get(n / 2) / 1e6, times.get(n * 90 / 100) / 1e6, times.get(n * 99 / 100) / 1e6, n / sequentialSeconds);

		int threads = 2;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<List<Long>>> futures = new ArrayList<>();
		long cstart = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			futures.add(pool.submit(() -> {
				List<Long> own = new ArrayList<>();
				for (int i = 0; i < n / threads; i++) {
					own.add(launch(issuer, client));
				}
				return own;
			}));
		}
		List<Long> concurrent = new ArrayList<>();
		for (Future<List<Long>> f : futures) {
			concurrent.addAll(f.get());
		}
		double concurrentSeconds = (System.nanoTime() - cstart) / 1e9;
		pool.shutdown();
		Collections.sort(concurrent);
		int m = concurrent.size();
		System.out.printf("BENCH login+launch %d clients: n=%d median=%.2f ms p99=%.2f ms; %.0f launches/s%n%n", threads, m,
				concurrent.get(m / 2) / 1e6, concurrent.get(m * 99 / 100) / 1e6, m / concurrentSeconds);
	}
}
