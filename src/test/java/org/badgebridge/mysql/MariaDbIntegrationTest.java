package org.badgebridge.mysql;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
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

import org.badgebridge.platform.InvalidRegistrationException;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;
import org.badgebridge.platform.ToolKeys;
import org.badgebridge.support.LtiFlows;
import org.badgebridge.support.MySqlCondition;
import org.badgebridge.support.TestPlatform;

import static org.awaitility.Awaitility.await;
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
		MySqlNodes.datasource(registry);
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
		String kid = keys.rotate("test").getKeyID();
		assertThat(jdbc.sql("select count(*) from tool_key where kid=? and retired_at is null").param(kid).query(Integer.class)
				.single()).isEqualTo(1);
		assertThat(keys.publicJwks().getKeyByKeyId(kid)).isNotNull();
	}

	@Autowired
	org.badgebridge.course.Courses courses;

	@Autowired
	org.badgebridge.badge.Badges badges;

	@Autowired
	org.badgebridge.award.Awards awards;

	@Autowired
	org.badgebridge.mail.Outbox outbox;

	/** Two nodes on one MariaDB sync and evaluate the same course at the same time: one award and one mail per learner. */
	@Test
	void twoNodesSyncingTheSameCourseAwardOnceAndMailOnce() throws Exception {
		com.github.tomakehurst.wiremock.WireMockServer lms = new com.github.tomakehurst.wiremock.WireMockServer(
				com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
		lms.start();
		try {
			String base = "http://127.0.0.1:" + lms.port();
			Registration registration = registrations.create(platform.registration(base, "two-nodes", List.of("1"),
					RegistrationState.ACTIVE), "test");
			long contextId = courses.recordLaunch(new org.badgebridge.course.LaunchFacts(registration.id(), "1", "2", "L", "Course",
					"3", "Terry", null, "en", List.of("Instructor"), org.badgebridge.course.CourseRole.TEACHER, "1", "Link", null,
					base + "/services/2/lineitems?type_id=1", null, List.of(), base + "/services/2/memberships")).contextId();
			lms.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/token").willReturn(
					com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"access_token\":\"t\",\"expires_in\":3600}")));
			lms.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
					com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/services/2/lineitems")).willReturn(
							com.github.tomakehurst.wiremock.client.WireMock.okJson("[{\"id\":\"" + base
									+ "/services/2/lineitems/3/lineitem?type_id=1\",\"label\":\"Final\",\"scoreMaximum\":100}]")));
			StringBuilder results = new StringBuilder("[");
			StringBuilder members = new StringBuilder("{\"members\":[");
			for (int i = 0; i < 40; i++) {
				results.append(i == 0 ? "" : ",").append("{\"userId\":\"u").append(i).append("\",\"resultScore\":")
						.append(i % 2 == 0 ? 90 : 50).append(",\"resultMaximum\":100}");
				members.append(i == 0 ? "" : ",").append("{\"user_id\":\"u").append(i).append("\",\"roles\":[\"Learner\"],\"email\":\"u")
						.append(i).append("@example.edu\"}");
			}
			lms.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
					com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/services/2/lineitems/3/lineitem/results"))
					.willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(results.append("]").toString())));
			lms.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
					com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/services/2/memberships"))
					.willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(members.append("]}").toString())));
			jdbc.sql("update platform_registration set token_endpoint=? where id=?").params(base + "/token", registration.id()).update();
			org.badgebridge.badge.BadgeClass badge = badges.create("Two nodes", "", contextId, "3");
			badges.setCriteria(badge.id(), new org.badgebridge.badge.Criteria(new org.badgebridge.badge.Criterion.ScoreRule("r",
					new org.badgebridge.badge.Criterion.Column(base + "/services/2/lineitems/3/lineitem?type_id=1", null, null, "Final"),
					org.badgebridge.badge.Criterion.Threshold.PERCENT, 80), null));
			jdbc.sql("update badge_class set active=true where id=?").param(badge.id()).update();

			try (ConfigurableApplicationContext secondNode = MySqlNodes.anotherNode()) {
				// "sync now" on both nodes at once: the clustered Quartz job runs one sync at a time
				secondNode.getBean(org.badgebridge.course.CourseSyncs.class).syncNow(contextId);
				syncs.syncNow(contextId);
				await().atMost(java.time.Duration.ofMinutes(2)).until(() -> syncs.status(contextId).map(s -> s.succeeded()).orElse(false));
				assertThat(syncs.status(contextId)).as("the course's sync, run by the clustered job")
						.hasValueSatisfying(s -> assertThat(s.succeeded()).as(s.toString()).isTrue());
				// and both nodes evaluate at the same moment (as their CourseSynced listeners may)
				java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
				var c = pool.submit(() -> secondNode.getBean(org.badgebridge.award.Awards.class).evaluateCourse(contextId));
				var d = pool.submit(() -> awards.evaluateCourse(contextId));
				c.get();
				d.get();
				pool.shutdown();
				// the CourseSynced listeners of both nodes evaluate as well: wait until every listener has finished
				await().atMost(java.time.Duration.ofMinutes(2)).until(() -> outbox.recent(1000).stream()
						.filter(m -> m.recipient().endsWith("@example.edu") && m.dedupKey().startsWith("claim:")).count() >= 20
						&& jdbc.sql("select count(*) from EVENT_PUBLICATION where completion_date is null").query(Integer.class).single() == 0);
				List<org.badgebridge.award.Award> all = awards.forBadge(badge.id());
				assertThat(all).hasSize(20);
				assertThat(all.stream().map(org.badgebridge.award.Award::userSub).distinct()).hasSize(20);
				for (org.badgebridge.award.Award award : all) {
					assertThat(jdbc.sql("select count(*) from mail_outbox where dedup_key=?").param("claim:" + award.id())
							.query(Integer.class).single()).as("one claim mail for " + award.userSub()).isEqualTo(1);
					assertThat(jdbc.sql("select count(*) from claim_link where award_id=?").param(award.id()).query(Integer.class)
							.single()).isEqualTo(1);
				}
			}
		}
		finally {
			lms.stop();
		}
	}

	@Autowired
	org.badgebridge.course.CourseSyncs syncs;

	@Test
	void loginOnOneNodeLaunchOnAnother() throws Exception {
		Map<String, Object> fixture = TestPlatform.moodlePayload("teacher1");
		String issuer = platform.base();
		String client = (String) fixture.get("aud");
		Registration registration = registrations.find(issuer, client).orElseGet(() -> registrations.create(
				platform.registration(issuer, client, List.of("1"), RegistrationState.ACTIVE), "test"));

		try (ConfigurableApplicationContext secondNode = MySqlNodes.anotherNode()) {
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

	@Autowired
	org.badgebridge.credential.OpenBadges3 ob3;

	@Autowired
	org.badgebridge.credential.DataIntegrity integrity;

	@Autowired
	org.badgebridge.verification.internal.BadgeVerifier verifier;

	@Test
	void credentialsAreIssuedOnceUnderOneIssuerWhenMintedConcurrently() throws Exception {
		org.badgebridge.credential.CredentialFixtures fixtures = new org.badgebridge.credential.CredentialFixtures(registrations,
				courses, badges, awards);
		List<String> awardIds = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			awardIds.add(fixtures.claimedMicroCredential("learner" + i + "@example.edu").award().id());
		}
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			List<java.util.concurrent.Future<org.badgebridge.credential.OpenBadges3.Issued>> issued = new java.util.ArrayList<>();
			for (String id : awardIds) {
				issued.add(pool.submit(() -> ob3.issue(id)));
				issued.add(pool.submit(() -> ob3.issue(id)));
			}
			java.util.Set<String> issuers = new java.util.HashSet<>();
			for (var f : issued) {
				org.badgebridge.credential.OpenBadges3.Issued c = f.get();
				issuers.add(org.badgebridge.credential.DataIntegrity.issuerId(org.badgebridge.credential.DataIntegrity.parse(c.json())));
				integrity.verify(org.badgebridge.credential.DataIntegrity.parse(c.json()));
			}
			assertThat(issuers).as("one issuer key, however many threads asked first").hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		for (String id : awardIds) {
			assertThat(jdbc.sql("select count(*) from ob3_credential where award_id=?").param(id).query(Integer.class).single()).isEqualTo(1);
		}
		assertThat(jdbc.sql("select count(*) from credential_key").query(Integer.class).single()).isEqualTo(2);
		String first = ob3.find(awardIds.get(0)).orElseThrow().json();
		assertThat(verifier.verifyText(first, null).verdict()).isEqualTo(org.badgebridge.verification.internal.BadgeVerifier.Verdict.VALID);
		awards.revoke(awardIds.get(0), "teacher:3", "Test");
		assertThat(verifier.verifyText(first, null).verdict()).isEqualTo(org.badgebridge.verification.internal.BadgeVerifier.Verdict.REVOKED);
	}
}
