package org.badgebridge.infrastructure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides {@code badgebridge.demo.enabled} where nobody set it: on only with the embedded H2 database (the
 * try-it-out default), off on MySQL/MariaDB, where anyone could otherwise launch as teacher or learner through the
 * demo LMS and mint credentials signed by the issuer's key. An explicit setting always wins. Every module reads the
 * one property ({@code demolms} for its beans, {@code platform} to switch off a stored demo registration, {@code web}
 * for the home page), so the rule lives here once. Registered in {@code META-INF/spring.factories}; runs after the
 * configuration files are read.
 */
public class DemoDefault implements EnvironmentPostProcessor, Ordered {

	public static final String PROPERTY = "badgebridge.demo.enabled";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty(PROPERTY) != null) {
			return;
		}
		String url = environment.getProperty("spring.datasource.url", "");
		environment.getPropertySources().addLast(new MapPropertySource("badgebridgeDemoDefault",
				Map.of(PROPERTY, String.valueOf(url.startsWith("jdbc:h2:")))));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
