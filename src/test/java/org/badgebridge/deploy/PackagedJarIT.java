package org.badgebridge.deploy;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.badgebridge.support.FreePort;
import org.badgebridge.support.MySqlCondition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container's settings without a Docker engine: the packaged jar ({@code target/badgebridge-*.jar}, what the
 * Dockerfile copies) started as its own process with exactly the environment {@code docker/compose.yaml} gives the
 * tool, except the addresses of what the stack would run next to it: the database (a database of its own on the
 * test MariaDB, {@code <test database>_jar}), the SMTP server (GreenMail) and the port.
 */
@ExtendWith(MySqlCondition.class)
class PackagedJarIT {

	static Process tool;
	static GreenMail smtp;
	static String base;
	static Map<String, String> compose;
	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void start() throws Exception {
		String database = recreateDatabase();
		int smtpPort = FreePort.find();
		smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		int port = FreePort.find();
		base = "http://127.0.0.1:" + port;
		compose = ComposeFile.read().toolEnvironment();

		Path workDir = Files.createTempDirectory("badgebridge-jar");
		ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", jar().toString())
				.directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(workDir.resolve("tool.log").toFile());
		Map<String, String> env = builder.environment();
		env.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("BADGEBRIDGE_"));
		env.putAll(compose);
		env.put("SPRING_DATASOURCE_URL", database);
		env.put("SPRING_DATASOURCE_USERNAME", MySqlCondition.user());
		env.put("SPRING_DATASOURCE_PASSWORD", MySqlCondition.password());
		env.put("SPRING_MAIL_HOST", "127.0.0.1");
		env.put("SPRING_MAIL_PORT", String.valueOf(smtpPort));
		env.put("PORT", String.valueOf(port));
		tool = builder.start();
		System.out.println("PackagedJarIT: tool log in " + workDir.resolve("tool.log"));
		awaitStarted(workDir.resolve("tool.log"));
	}

	@AfterAll
	static void stop() throws Exception {
		if (tool != null) {
			tool.destroy();
			if (!tool.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				tool.destroyForcibly();
			}
		}
		if (smtp != null) {
			smtp.stop();
		}
	}

	@Test
	void thePublicPagesAnswer() throws Exception {
		HttpResponse<String> home = get("/", null);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("BadgeBridge");

		HttpResponse<String> jwks = get("/.well-known/jwks.json", null);
		assertThat(jwks.statusCode()).isEqualTo(200);
		assertThat(jwks.body()).contains("\"keys\"").contains("\"kid\"").contains("\"RSA\"");
	}

	@Test
	void theDemoLmsIsOff() throws Exception {
		assertThat(get("/demolms/.well-known/openid-configuration", null).statusCode()).isEqualTo(404);
		assertThat(get("/demolms/jwks", null).statusCode()).isEqualTo(404);
	}

	@Test
	void adminPagesNeedTheComposeFilesPassword() throws Exception {
		assertThat(get("/admin/outbox", null).statusCode()).isEqualTo(401);
		assertThat(get("/admin/outbox", "admin:wrong-" + compose.get("BADGEBRIDGE_ADMIN_PASSWORD")).statusCode())
				.isEqualTo(401);
		assertThat(get("/admin/outbox", "admin:" + compose.get("BADGEBRIDGE_ADMIN_PASSWORD")).statusCode())
				.isEqualTo(200);
	}

	/**
	 * What the "done when" asks of the packaged jar on MariaDB: the admin registers a Moodle (here by the admin
	 * API, as a script would), sees it on the dashboard and in the audit trail, signs in by the form's page, and
	 * scrapes the metrics with the admin credentials.
	 */
	@Test
	void anAdminRegistersMoodleAndSeesItOnTheDashboardTheAuditTrailAndTheMetrics() throws Exception {
		String admin = "admin:" + compose.get("BADGEBRIDGE_ADMIN_PASSWORD");
		HttpRequest create = HttpRequest.newBuilder(URI.create(base + "/api/admin/platforms")).timeout(Duration.ofSeconds(20))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
						{"name":"Moodle of Jar University","issuer":"https://moodle.jar.example","clientId":"jar-client",
						 "productFamily":"moodle","authorizationEndpoint":"https://moodle.jar.example/mod/lti/auth.php",
						 "tokenEndpoint":"https://moodle.jar.example/mod/lti/token.php",
						 "jwksUri":"https://moodle.jar.example/mod/lti/certs.php","deploymentIds":["1"],"state":"ACTIVE"}"""))
				.build();
		assertThat(http.send(create, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
		HttpResponse<String> dashboard = get("/admin", admin);
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body()).contains("Moodle of Jar University");
		HttpResponse<String> audit = get("/admin/audit", admin);
		assertThat(audit.statusCode()).isEqualTo(200);
		assertThat(audit.body()).contains("Registration changed", "Moodle of Jar University");
		assertThat(get("/admin/sign-in", null).body()).contains("name=\"password\"");
		HttpResponse<String> metrics = get("/actuator/prometheus", admin);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "badgebridge_");
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
	}

	static HttpResponse<String> get(String path, String basic) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
		if (basic != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static void awaitStarted(Path log) throws Exception {
		try {
			org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
				if (!tool.isAlive()) {
					throw new IllegalStateException("the packaged jar stopped (exit " + tool.exitValue() + "):\n"
							+ Files.readString(log));
				}
				try {
					return get("/.well-known/jwks.json", null).statusCode() == 200;
				}
				catch (IOException notYet) {
					return false; // not listening yet
				}
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new IllegalStateException("the packaged jar did not answer in 4 minutes:\n" + Files.readString(log), ex);
		}
	}

	/** {@code <test database>_jar} on the test server, dropped and created afresh. */
	static String recreateDatabase() throws SQLException {
		String url = MySqlCondition.url();
		int slash = url.indexOf('/', "jdbc:mysql://".length());
		int query = url.indexOf('?', slash);
		String server = url.substring(0, slash + 1);
		String name = url.substring(slash + 1, query < 0 ? url.length() : query) + "_jar";
		try (Connection c = DriverManager.getConnection(server, MySqlCondition.user(), MySqlCondition.password());
				Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS `" + name + "`");
			s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		return server + name + (query < 0 ? "" : url.substring(query));
	}

	static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("badgebridge-.*\\.jar"))
					.filter(p -> !p.getFileName().toString().endsWith(".original"))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("no target/badgebridge-*.jar: run ./mvnw package"))
					.toAbsolutePath();
		}
	}

	static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
				.toString();
	}
}
