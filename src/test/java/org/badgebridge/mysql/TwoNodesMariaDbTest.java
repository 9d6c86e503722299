package org.badgebridge.mysql;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.Registrations;
import org.badgebridge.platform.ToolKeys;
import org.badgebridge.support.LtiFlows;
import org.badgebridge.support.MySqlCondition;
import org.badgebridge.support.TestPlatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Two nodes (this test's application context and a second one) on one MariaDB: launches whose login and launch
 * land on different nodes, both ways, and a tool-key rotation on one node that the other node's JWKS serves at once.
 */
@ExtendWith(MySqlCondition.class)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TwoNodesMariaDbTest {

	@RegisterExtension
	static final TestPlatform platform = new TestPlatform();

	static ConfigurableApplicationContext secondNode;

	@DynamicPropertySource
	static void mysql(DynamicPropertyRegistry registry) {
		MySqlNodes.datasource(registry);
	}

	@BeforeAll
	static void startSecondNode() {
		secondNode = MySqlNodes.anotherNode();
	}

	@AfterAll
	static void stopSecondNode() {
		if (secondNode != null) {
			secondNode.close();
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	@Autowired
	ToolKeys keys;

	@Autowired
	JdbcClient jdbc;

	MockMvc other() {
		return MockMvcBuilders.webAppContextSetup((WebApplicationContext) secondNode).apply(springSecurity()).build();
	}

	@Test
	void launchesSpreadOverBothNodesAllSucceedAndUseTheirStateOnce() throws Exception {
		String issuer = platform.base();
		String client = (String) TestPlatform.moodlePayload("teacher1").get("aud");
		Registration registration = registrations.find(issuer, client).orElseGet(() -> registrations.create(
				platform.registration(issuer, client, List.of("1"), RegistrationState.ACTIVE), "test"));
		List<MockMvc> nodes = List.of(mvc, other());
		for (int i = 0; i < 8; i++) {
			MockMvc loginNode = nodes.get(i % 2);
			MockMvc launchNode = nodes.get((i + 1) % 2);
			String who = i % 4 < 2 ? "teacher1" : "student1";
			LtiFlows.Login login = new LtiFlows(loginNode).login(LtiFlows.loginParams(issuer, client, "1"));
			Map<String, Object> claims = TestPlatform.moodlePayload(who);
			String token = platform.sign(claims, login.nonce(), c -> c.put("iss", issuer));
			assertThat(new LtiFlows(launchNode).launch(token, login.state(), login.stateCookie()).andReturn().getResponse()
					.getStatus()).as("launch %d of %s: login on node %d, launch on node %d", i, who, i % 2, (i + 1) % 2)
					.isEqualTo(302);
			assertThat(new LtiFlows(loginNode).launch(token, login.state(), login.stateCookie()).andReturn().getResponse()
					.getStatus()).as("the same state again, on the node that made it").isEqualTo(401);
		}
		assertThat(jdbc.sql("select count(*) from course_context where registration_id=?").param(registration.id())
				.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aKeyRotatedOnOneNodeIsInTheOtherNodesJwksAtOnce() throws Exception {
		String before = other().perform(get("/.well-known/jwks.json")).andReturn().getResponse().getContentAsString();
		String kid = keys.rotate("test").getKeyID();
		assertThat(JWKSet.parse(before).getKeyByKeyId(kid)).isNull();

		String after = other().perform(get("/.well-known/jwks.json")).andReturn().getResponse().getContentAsString();
		assertThat(JWKSet.parse(after).getKeyByKeyId(kid)).as("the key node 1 signs with now, in node 2's JWKS").isNotNull();
		assertThat(secondNode.getBean(ToolKeys.class).publicJwks().getKeyByKeyId(kid)).isNotNull();
	}
}
