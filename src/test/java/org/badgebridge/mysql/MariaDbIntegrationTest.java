package org.badgebridge.mysql;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import org.badgebridge.BadgeBridgeApplication;
import org.badgebridge.platform.InvalidRegistrationException;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;
import org.badgebridge.platform.ToolKeys;
import org.badgebridge.support.LtiFlows;
import org.badgebridge.support.MySqlCondition;
import org.badgebridge.support.TestPlatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * The same schema and flows on a real MariaDB/MySQL: Flyway migrations, registrations and their uniqueness,
 * tool keys, and a login on one node completed by a launch on another node sharing the database.
 */
@ExtendWith(MySqlCondition.class)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MariaDbIntegrationTest {

	@org.junit.jupiter.api.extension.RegisterExtension
	static final TestPlatform platform = new TestPlatform();

	@DynamicPropertySource
	static void mysql(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", MySqlCondition::url);
		registry.add("spring.datasource.username", MySqlCondition::user);
		registry.add("spring.datasource.password", MySqlCondition::password);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	@Autowired
	ToolKeys keys;

	@Autowired
	JdbcClient jdbc;


	@Test
	void flywayMigratedTheSchemaOnMySql() {
		String product = jdbc.sql("select version()").query(String.class).single();
		assertThat(product).as("a real MySQL/MariaDB server").isNotBlank();
		List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = database()")
				.query(String.class).list();
		assertThat(tables).contains("platform_registration", "platform_deployment", "tool_key", "lti_login_state",
				"tool_session", "course_context", "course_member", "course_resource_link", "badge_class", "demo_tool", "course_result",
				"award", "mail_outbox", "EVENT_PUBLICATION", "qrtz_JOB_DETAILS", "qrtz_TRIGGERS", "qrtz_LOCKS",
				"flyway_schema_history");
	}

	@Test
	void registrationsAreUniquePerIssuerAndClient() {
		String issuer = "https://mysql-" + System.nanoTime() + ".example.edu";
		RegistrationValues values = new RegistrationValues("M", issuer, "c", "moodle", issuer + "/auth", issuer + "/token", null,
				issuer + "/jwks", null, List.of("1"), RegistrationState.ACTIVE);
		registrations.create(values, "test");
		registrations.create(new RegistrationValues("M2", issuer, "c2", "moodle", issuer + "/auth", issuer + "/token", null,
				issuer + "/jwks", null, List.of(), RegistrationState.PENDING), "test");
		assertThatThrownBy(() -> registrations.create(values, "test")).isInstanceOf(InvalidRegistrationException.class)
				.hasMessageContaining("exists already");
		assertThat(registrations.byIssuer(issuer)).hasSize(2);
	}

	@Test
	void toolKeysSurviveInTheDatabase() {
		String kid = keys.rotate().getKeyID();
		assertThat(jdbc.sql("select count(*) from tool_key where kid=? and retired_at is null").param(kid).query(Integer.class)
				.single()).isEqualTo(1);
		assertThat(keys.publicJwks().getKeyByKeyId(kid)).isNotNull();
	}

	@Test
	void loginOnOneNodeLaunchOnAnother() throws Exception {
		Map<String, Object> fixture = TestPlatform.moodlePayload("teacher1");
		String issuer = platform.base();
		String client = (String) fixture.get("aud");
		Registration registration = registrations.find(issuer, client).orElseGet(() -> registrations.create(
				platform.registration(issuer, client, List.of("1"), RegistrationState.ACTIVE), "test"));

		try (ConfigurableApplicationContext secondNode = new SpringApplicationBuilder(BadgeBridgeApplication.class)
				.web(WebApplicationType.SERVLET).profiles("test")
				.run("--server.port=0", "--spring.datasource.url=" + MySqlCondition.url(),
						"--spring.datasource.username=" + MySqlCondition.user(),
						"--spring.datasource.password=" + MySqlCondition.password())) {
			MockMvc other = MockMvcBuilders.webAppContextSetup((WebApplicationContext) secondNode).apply(springSecurity()).build();
			LtiFlows.Login login = new LtiFlows(mvc).login(LtiFlows.loginParams(issuer, client, "1"));
			String token = platform.sign(TestPlatform.moodlePayload("teacher1"), login.nonce(), c -> c.put("iss", issuer));
			MockHttpServletResponse launch = new LtiFlows(other).launch(token, login.state(), login.stateCookie()).andReturn()
					.getResponse();
			assertThat(launch.getStatus()).isEqualTo(302);
			// and the state is used up for both nodes
			assertThat(new LtiFlows(mvc).launch(token, login.state(), login.stateCookie()).andReturn().getResponse().getStatus())
					.isEqualTo(401);
		}
		assertThat(jdbc.sql("select count(*) from course_context where registration_id=?").param(registration.id())
				.query(Integer.class).single()).isEqualTo(1);
	}
}
