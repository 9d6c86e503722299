package org.badgebridge.platform;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.badgebridge.BadgeBridgeApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo LMS registered itself (ACTIVE, auto-approved) while it ran; the tool then starts with the demo off
 * (as it is on MySQL/MariaDB by default). At that start the stored demo registration is switched off, so nobody
 * can launch through the demo issuer's trust any more; other registrations are untouched. Two real starts on one
 * database.
 */
class DemoRegistrationOffIntegrationTest {

	static final String DEMO_ISSUER = "http://127.0.0.1:8080/demolms";

	ConfigurableApplicationContext start(String database, boolean demo) {
		// command-line arguments: they win over the test profile's own (random) database
		return new SpringApplicationBuilder(BadgeBridgeApplication.class).profiles("test").run(
				"--spring.datasource.url=jdbc:h2:mem:" + database
						+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
				"--server.port=0", "--badgebridge.demo.enabled=" + demo, "--badgebridge.demo.issuer=" + DEMO_ISSUER);
	}

	static RegistrationValues values(String issuer, String clientId) {
		return new RegistrationValues("LMS", issuer, clientId, "moodle", issuer + "/auth", issuer + "/token", null,
				issuer + "/jwks", null, List.of("1"), RegistrationState.ACTIVE);
	}

	@Test
	void anActiveDemoRegistrationIsDisabledWhenTheToolStartsWithoutTheDemo() {
		String database = "demo-off-" + UUID.randomUUID();
		long demoId;
		long otherId;
		try (ConfigurableApplicationContext first = start(database, false)) {
			Registrations registrations = first.getBean(Registrations.class);
			demoId = registrations.create(values(DEMO_ISSUER, "demo-client"), "dynamic-registration").id();
			otherId = registrations.create(values("https://moodle.example.edu", "real-client"), "admin").id();
		}
		try (ConfigurableApplicationContext second = start(database, false)) {
			Registrations registrations = second.getBean(Registrations.class);
			assertThat(registrations.find(demoId).orElseThrow().state()).isEqualTo(RegistrationState.DISABLED);
			assertThat(registrations.find(otherId).orElseThrow().state()).isEqualTo(RegistrationState.ACTIVE);
		}
	}
}
