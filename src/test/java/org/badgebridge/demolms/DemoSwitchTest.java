package org.badgebridge.demolms;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.badgebridge.infrastructure.DemoDefault;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the demo LMS exists: by default only on the embedded H2 database; never by default on MySQL/MariaDB;
 * an explicit {@code badgebridge.demo.enabled} wins either way. The start-up's default ({@link DemoDefault}) and
 * Spring's own condition evaluation over the demo's real component.
 */
class DemoSwitchTest {

	static final String H2_DEFAULT = "jdbc:h2:file:./data/badgebridge;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";

	final ApplicationContextRunner runner = new ApplicationContextRunner()
			.withInitializer(context -> new DemoDefault().postProcessEnvironment(context.getEnvironment(), null))
			.withUserConfiguration(DemoSettings.class)
			.withPropertyValues("badgebridge.demo.issuer=http://127.0.0.1:8080/demolms", "badgebridge.public-url=http://localhost:8080");

	@Test
	void onByDefaultOnTheEmbeddedH2Database() {
		runner.withPropertyValues("spring.datasource.url=" + H2_DEFAULT)
				.run(context -> assertThat(context).hasSingleBean(DemoSettings.class));
	}

	@Test
	void offByDefaultOnMySql() {
		runner.withPropertyValues("spring.datasource.url=jdbc:mysql://db.example.edu:3306/badgebridge")
				.run(context -> assertThat(context).doesNotHaveBean(DemoSettings.class));
	}

	@Test
	void anExplicitSettingWins() {
		runner.withPropertyValues("spring.datasource.url=jdbc:mysql://db.example.edu:3306/badgebridge", "badgebridge.demo.enabled=true")
				.run(context -> assertThat(context).hasSingleBean(DemoSettings.class));
		runner.withPropertyValues("spring.datasource.url=" + H2_DEFAULT, "badgebridge.demo.enabled=false")
				.run(context -> assertThat(context).doesNotHaveBean(DemoSettings.class));
	}
}
