package org.badgebridge.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code management.server.port} set, the actuator lives on that port only, where its endpoints need no
 * sign-in (the port is for the monitoring network); the application's port no longer serves them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("test")
class ManagementPortIntegrationTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(int onPort, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theManagementPortServesEveryEndpointWithoutSignIn() throws Exception {
		assertThat(managementPort).isNotEqualTo(port);
		HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("jvm_memory_used_bytes");
		assertThat(get(managementPort, "/actuator/info").statusCode()).isEqualTo(200);
		assertThat(get(managementPort, "/actuator/health").body()).contains("\"status\":\"UP\"");
	}

	@Test
	void theApplicationPortNoLongerServesTheActuator() throws Exception {
		String admin = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes());
		HttpResponse<String> asAdmin = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
				.header("Authorization", admin).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(asAdmin.statusCode()).as("not served here, even for an admin").isEqualTo(404);
		assertThat(get(port, "/actuator/info").statusCode()).as("anonymous: refused before looking").isEqualTo(401);
	}
}
