package org.badgebridge.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a management port, on a real server: Spring Boot then makes {@code local.management.port} an alias of the
 * application's port, which must not count as "the monitoring port" (found by the packaged jar's test: metrics and
 * info answered anyone). Health stays anonymous; the rest needs the admin.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SamePortActuatorIntegrationTest {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	int status(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	@Test
	void onTheApplicationsOwnPortOnlyHealthIsAnonymous() throws Exception {
		assertThat(status("/actuator/health", null)).isEqualTo(200);
		assertThat(status("/actuator/prometheus", null)).isEqualTo(401);
		assertThat(status("/actuator/info", null)).isEqualTo(401);
		String admin = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes());
		assertThat(status("/actuator/prometheus", admin)).isEqualTo(200);
	}
}
