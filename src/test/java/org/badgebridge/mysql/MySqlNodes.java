package org.badgebridge.mysql;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import org.badgebridge.BadgeBridgeApplication;
import org.badgebridge.support.MySqlCondition;

/** The test MariaDB for a test's own application context, and further nodes on the same database. */
final class MySqlNodes {

	private MySqlNodes() {
	}

	static void datasource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", MySqlCondition::url);
		registry.add("spring.datasource.username", MySqlCondition::user);
		registry.add("spring.datasource.password", MySqlCondition::password);
		registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> CLUSTER);
	}

	/** The nodes on the test database are one Quartz cluster: one scheduler name (tests on H2 each have their own). */
	static final String CLUSTER = "badgebridge";

	/** Another node: a full web application on a free port, sharing the test database. Close it after use. */
	static ConfigurableApplicationContext anotherNode() {
		return new SpringApplicationBuilder(BadgeBridgeApplication.class).web(WebApplicationType.SERVLET).profiles("test")
				.run("--server.port=0", "--spring.datasource.url=" + MySqlCondition.url(),
						"--spring.datasource.username=" + MySqlCondition.user(),
						"--spring.datasource.password=" + MySqlCondition.password(),
						"--spring.quartz.properties.org.quartz.scheduler.instanceName=" + CLUSTER);
	}
}
