package org.badgebridge.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the real server with the demo LMS, on a port known before start-up: the tool on
 * {@code localhost}, the demo LMS on {@code 127.0.0.1} (two sites, as in production). Subclasses must not add
 * configuration of their own: they share one running server (one port).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "badgebridge.demo.enabled=true")
@ActiveProfiles("test")
public abstract class DemoServerTest {

	protected static final int PORT = FreePort.find();

	@DynamicPropertySource
	static void ports(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("badgebridge.public-url", () -> "http://localhost:" + PORT);
		registry.add("badgebridge.demo.issuer", () -> demoIssuer());
	}

	protected static String demoIssuer() {
		return "http://127.0.0.1:" + PORT + "/demolms";
	}

	protected final String demo = demoIssuer();
}
