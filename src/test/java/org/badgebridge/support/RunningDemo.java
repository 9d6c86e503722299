package org.badgebridge.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Properties for a test that runs the real server with the demo LMS: a port known before start-up, the tool on
 * {@code localhost} and the demo LMS on {@code 127.0.0.1} (two sites, as in production).
 */
public final class RunningDemo {

	private RunningDemo() {
	}

	public static void properties(DynamicPropertyRegistry registry, int port) {
		registry.add("server.port", () -> port);
		registry.add("badgebridge.public-url", () -> "http://localhost:" + port);
		registry.add("badgebridge.demo.issuer", () -> issuer(port));
	}

	public static String issuer(int port) {
		return "http://127.0.0.1:" + port + "/demolms";
	}
}
