package org.badgebridge.launch;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.platform.Deployment;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.LtiFlows;
import org.badgebridge.support.TestPlatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every check of the 1EdTech Security Framework and LTI Core 1.3 on login and launch, each with a case that
 * fails when the check is removed, plus the real Moodle 4.5.6 payloads launching successfully.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LaunchSecurityIntegrationTest {

	static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	@org.junit.jupiter.api.extension.RegisterExtension
	static final TestPlatform platform = new TestPlatform();

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	LtiFlows flows;

	Registration moodle;

	String issuer;

	String clientId;


	@BeforeEach
	void register() {
		flows = new LtiFlows(mvc);
		Map<String, Object> fixture = TestPlatform.moodlePayload("teacher1");
		issuer = platform.base();
		clientId = (String) fixture.get("aud");
		moodle = registrations.find(issuer, clientId).orElseGet(() -> {
			Registration r = registrations.create(values(issuer, clientId, List.of("1", "9"), RegistrationState.ACTIVE), "test");
			long nine = r.deployments().stream().filter(d -> d.deploymentId().equals("9")).findFirst().orElseThrow().id();
			registrations.setDeploymentState(r.id(), nine, Deployment.DeploymentState.DISABLED);
			registrations.create(values("https://pending.example.edu", "p1", List.of("1"), RegistrationState.PENDING), "test");
			registrations.create(values("https://disabled.example.edu", "d1", List.of("1"), RegistrationState.DISABLED), "test");
			registrations.create(values("https://two.example.edu", "a", List.of("1"), RegistrationState.ACTIVE), "test");
			registrations.create(values("https://two.example.edu", "b", List.of("1"), RegistrationState.ACTIVE), "test");
			return registrations.find(issuer, clientId).orElseThrow();
		});
	}

	RegistrationValues values(String iss, String client, List<String> deployments, RegistrationState state) {
		return platform.registration(iss, client, deployments, state);
	}

	LtiFlows.Login login() throws Exception {
		return flows.login(LtiFlows.loginParams(issuer, clientId, "1"));
	}

	String token(String who, LtiFlows.Login login, Consumer<Map<String, Object>> change) {
		return platform.sign(TestPlatform.moodlePayload(who), login.nonce(), c -> {
			c.put("iss", issuer);
			change.accept(c);
		});
	}

	int launchStatus(String who, Consumer<Map<String, Object>> change) throws Exception {
		LtiFlows.Login login = login();
		return flows.launch(token(who, login, change), login.state(), login.stateCookie()).andReturn().getResponse().getStatus();
	}

	// --- the real Moodle payloads -------------------------------------------------------------------------

	@Test
	void moodleTeacherPayloadLaunchesAndOpensATeacherSession() throws Exception {
		LtiFlows.Login login = flows.login(Map.of("iss", issuer, "login_hint", "3", "target_link_uri",
				"http://localhost:8080/lti/launch", "lti_message_hint",
				(String) TestPlatform.moodleLoginInitiation("teacher1").get("lti_message_hint"), "client_id", clientId,
				"lti_deployment_id", "1"));
		// Moodle's auth.php insists on these exact values and echoes of its hints
		assertThat(LtiFlows.query(login.authRequest(), "scope")).isEqualTo("openid");
		assertThat(LtiFlows.query(login.authRequest(), "response_type")).isEqualTo("id_token");
		assertThat(LtiFlows.query(login.authRequest(), "response_mode")).isEqualTo("form_post");
		assertThat(LtiFlows.query(login.authRequest(), "prompt")).isEqualTo("none");
		assertThat(LtiFlows.query(login.authRequest(), "redirect_uri")).isEqualTo("http://localhost:8080/lti/launch");
		assertThat(LtiFlows.query(login.authRequest(), "lti_message_hint")).isEqualTo("{\"cmid\":2,\"launchid\":\"ltilaunch1_1755545548\"}");
		assertThat(LtiFlows.query(login.authRequest(), "login_hint")).isEqualTo("3");
		assertThat(login.authRequest()).doesNotContain("repost");
		assertThat(login.state()).hasSizeGreaterThanOrEqualTo(22);
		assertThat(login.nonce()).hasSizeGreaterThanOrEqualTo(22).isNotEqualTo(login.state());

		MockHttpServletResponse launch = flows.launch(token("teacher1", login, c -> {
		}), login.state(), login.stateCookie()).andReturn().getResponse();
		assertThat(launch.getStatus()).isEqualTo(302);
		assertThat(launch.getRedirectedUrl()).endsWith("/lti/course");
		String sessionCookie = launch.getHeaders("Set-Cookie").stream().filter(h -> h.startsWith("bb_session=")).findFirst()
				.orElseThrow();
		assertThat(sessionCookie).contains("SameSite=None", "Secure", "Partitioned", "HttpOnly");

		Cookie session = launch.getCookie("bb_session");
		mvc.perform(get("/lti/course").cookie(session)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("LTI 1.3 Test Course")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("Add one as an activity")))
				.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString(issuer)))
				.andExpect(header().doesNotExist("X-Frame-Options"));

		Map<String, Object> context = jdbc.sql("select * from course_context where registration_id=? and lms_context_id='2'")
				.param(moodle.id()).query().singleRow();
		assertThat(context.get("lineitems_url")).isEqualTo("http://127.0.0.1:8081/mod/lti/services.php/2/lineitems?type_id=1");
		assertThat(context.get("memberships_url"))
				.isEqualTo("http://127.0.0.1:8081/mod/lti/services.php/CourseSection/2/bindings/1/memberships");
		Map<String, Object> member = jdbc.sql("select * from course_member where context_id=? and user_sub='3'")
				.param(context.get("id")).query().singleRow();
		assertThat(member.get("role")).isEqualTo("TEACHER");
		assertThat(member.get("email")).isEqualTo("teacher1@example.com");
		assertThat(member.get("name")).isEqualTo("Terry Teacher");
		Map<String, Object> link = jdbc.sql("select * from course_resource_link where context_id=? and lms_link_id='1'")
				.param(context.get("id")).query().singleRow();
		assertThat(link.get("lineitem_url")).isEqualTo("http://127.0.0.1:8081/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1");
	}

	@Test
	void moodleStudentPayloadLaunchesAsLearner() throws Exception {
		LtiFlows.Login login = login();
		MockHttpServletResponse launch = flows.launch(token("student1", login, c -> {
		}), login.state(), login.stateCookie()).andReturn().getResponse();
		assertThat(launch.getStatus()).isEqualTo(302);
		String sub = (String) TestPlatform.moodlePayload("student1").get("sub");
		assertThat(jdbc.sql("select m.role from course_member m join course_context c on c.id = m.context_id where c.registration_id=? and m.user_sub=?")
				.params(moodle.id(), sub).query(String.class).single()).isEqualTo("LEARNER");
	}

	@Test
	void loginAcceptsGetAsWellAsPost() throws Exception {
		var request = get("/lti/login");
		LtiFlows.loginParams(issuer, clientId, "1").forEach(request::param);
		mvc.perform(request).andExpect(status().isFound())
				.andExpect(header().string("Location", org.hamcrest.Matchers.containsString("/lti/login/continue?state=")));
	}

	@Test
	void audienceArrayWithMatchingAzpIsAccepted() throws Exception {
		assertThat(launchStatus("teacher1", c -> {
			c.put("aud", List.of(clientId, "other-client"));
			c.put("azp", clientId);
		})).isEqualTo(302);
	}

	// --- claim checks --------------------------------------------------------------------------------------

	static Stream<Arguments> claimViolations() {
		long now = System.currentTimeMillis() / 1000;
		return Stream.of(
				Arguments.of("expired", 401, (Consumer<Map<String, Object>>) c -> { c.put("iat", now - 400); c.put("exp", now - 300); }),
				Arguments.of("no exp", 401, (Consumer<Map<String, Object>>) c -> c.remove("exp")),
				Arguments.of("iat in the future", 401, (Consumer<Map<String, Object>>) c -> { c.put("iat", now + 600); c.put("exp", now + 660); }),
				Arguments.of("no iat", 401, (Consumer<Map<String, Object>>) c -> c.remove("iat")),
				Arguments.of("wrong aud", 401, (Consumer<Map<String, Object>>) c -> c.put("aud", "someone-else")),
				Arguments.of("aud array without azp", 401, (Consumer<Map<String, Object>>) c -> c.put("aud", List.of("FFwDSQKKutD4nwK", "x"))),
				Arguments.of("wrong azp", 401, (Consumer<Map<String, Object>>) c -> c.put("azp", "someone-else")),
				Arguments.of("wrong iss", 401, (Consumer<Map<String, Object>>) c -> c.put("iss", "https://evil.example")),
				Arguments.of("nonce mismatch", 401, (Consumer<Map<String, Object>>) c -> c.put("nonce", "not-the-nonce")),
				Arguments.of("no nonce", 401, (Consumer<Map<String, Object>>) c -> c.remove("nonce")),
				Arguments.of("unknown deployment", 403, (Consumer<Map<String, Object>>) c -> c.put(LTI + "deployment_id", "77")),
				Arguments.of("disabled deployment", 403, (Consumer<Map<String, Object>>) c -> c.put(LTI + "deployment_id", "9")),
				Arguments.of("no deployment_id", 400, (Consumer<Map<String, Object>>) c -> c.remove(LTI + "deployment_id")),
				Arguments.of("no message_type", 400, (Consumer<Map<String, Object>>) c -> c.remove(LTI + "message_type")),
				Arguments.of("unknown message_type", 400, (Consumer<Map<String, Object>>) c -> c.put(LTI + "message_type", "LtiSubmissionReviewRequest")),
				Arguments.of("wrong version", 400, (Consumer<Map<String, Object>>) c -> c.put(LTI + "version", "1.1.0")),
				Arguments.of("no version", 400, (Consumer<Map<String, Object>>) c -> c.remove(LTI + "version")),
				Arguments.of("no resource_link", 400, (Consumer<Map<String, Object>>) c -> c.remove(LTI + "resource_link")),
				Arguments.of("resource_link without id", 400, (Consumer<Map<String, Object>>) c -> c.put(LTI + "resource_link", Map.of("title", "x"))),
				Arguments.of("no sub", 400, (Consumer<Map<String, Object>>) c -> c.remove("sub")),
				Arguments.of("no roles", 400, (Consumer<Map<String, Object>>) c -> c.remove(LTI + "roles")),
				Arguments.of("deep linking without settings", 400, (Consumer<Map<String, Object>>) c -> c.put(LTI + "message_type", "LtiDeepLinkingRequest")));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("claimViolations")
	void launchWithAViolatedClaimIsRefused(String name, int expected, Consumer<Map<String, Object>> change) throws Exception {
		LtiFlows.Login login = login();
		MockHttpServletResponse response = flows.launch(token("teacher1", login, change), login.state(), login.stateCookie())
				.andReturn().getResponse();
		assertThat(response.getStatus()).as(name).isEqualTo(expected);
		assertThat(response.getContentAsString()).contains("correlation id").doesNotContain("Exception", "at org.");
		assertThat(response.getHeaders("Set-Cookie")).as("no session for a refused launch").noneMatch(h -> h.startsWith("bb_session"));
	}

	@Test
	void learnerCannotDeepLink() throws Exception {
		assertThat(launchStatus("student1", c -> {
			c.put(LTI + "message_type", "LtiDeepLinkingRequest");
			c.remove(LTI + "resource_link");
			c.put("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
					Map.of("deep_link_return_url", "http://127.0.0.1/return", "accept_types", List.of("ltiResourceLink")));
		})).isEqualTo(403);
	}

	// --- signature checks ----------------------------------------------------------------------------------

	@Test
	void tamperedSignatureIsRefused() throws Exception {
		LtiFlows.Login login = login();
		String[] parts = token("teacher1", login, c -> {
		}).split("\\.");
		String forged = com.nimbusds.jose.util.Base64URL.encode(com.nimbusds.jose.util.Base64URL.from(parts[1]).decodeToString()
				.replace("\"sub\":\"3\"", "\"sub\":\"2\"")).toString();
		assertThat(forged).isNotEqualTo(parts[1]);
		flows.launch(parts[0] + "." + forged + "." + parts[2], login.state(), login.stateCookie()).andExpect(status().isUnauthorized())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("signature does not verify")));
	}

	@Test
	void tokenSignedWithAnUnknownKidIsRefused() throws Exception {
		LtiFlows.Login login = login();
		Map<String, Object> claims = TestPlatform.moodlePayload("teacher1");
		String token = platform.sign(claims, login.nonce(), c -> c.put("iss", issuer));
		// same claims, signed by a key the platform never published
		String foreign = TestPlatform.sign(SignedJWT.parse(token).getJWTClaimsSet().toJSONObject(), platform.unpublishedKey(),
				JWSAlgorithm.RS256);
		flows.launch(foreign, login.state(), login.stateCookie()).andExpect(status().isUnauthorized())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("has no RSA key with kid not-published")));
	}

	@Test
	void unsignedTokenIsRefused() throws Exception {
		LtiFlows.Login login = login();
		JWTClaimsSet claims = SignedJWT.parse(token("teacher1", login, c -> {
		})).getJWTClaimsSet();
		flows.launch(new PlainJWT(claims).serialize(), login.state(), login.stateCookie()).andExpect(status().isUnauthorized())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("alg none")));
	}

	@Test
	void hs256WithThePublicKeyAsSecretIsRefused() throws Exception {
		LtiFlows.Login login = login();
		JWTClaimsSet claims = SignedJWT.parse(token("teacher1", login, c -> {
		})).getJWTClaimsSet();
		SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(platform.key().getKeyID()).build(), claims);
		hs.sign(new MACSigner(platform.key().toRSAPublicKey().getEncoded()));
		flows.launch(hs.serialize(), login.state(), login.stateCookie()).andExpect(status().isUnauthorized())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("requires RS256")));
	}

	@Test
	void garbageTokenIsMalformed() throws Exception {
		LtiFlows.Login login = login();
		flows.launch("this-is-not-a-jwt", login.state(), login.stateCookie()).andExpect(status().isBadRequest());
	}

	@Test
	void oversizedTokenIsMalformed() throws Exception {
		LtiFlows.Login login = login();
		flows.launch("a".repeat(40_000) + ".b.c", login.state(), login.stateCookie()).andExpect(status().isBadRequest())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("larger than")));
	}

	@Test
	void missingIdTokenIsMalformed() throws Exception {
		LtiFlows.Login login = login();
		flows.launch(null, login.state(), login.stateCookie()).andExpect(status().isBadRequest());
	}

	@Test
	void idTokenInTheUrlIsNotAccepted() throws Exception {
		mvc.perform(get("/lti/launch").param("id_token", "x").param("state", "y")).andExpect(status().isMethodNotAllowed());
	}

	// --- state, cookie and replay --------------------------------------------------------------------------

	@Test
	void missingStateIsMalformed() throws Exception {
		LtiFlows.Login login = login();
		flows.launch(token("teacher1", login, c -> {
		}), null, login.stateCookie()).andExpect(status().isBadRequest());
	}

	@Test
	void foreignStateIsRefused() throws Exception {
		LtiFlows.Login login = login();
		flows.launch(token("teacher1", login, c -> {
		}), "a-state-this-tool-never-issued", login.stateCookie()).andExpect(status().isUnauthorized());
	}

	@Test
	void stateOfAnotherBrowserIsRefused() throws Exception {
		LtiFlows.Login login = login();
		flows.launch(token("teacher1", login, c -> {
		}), login.state()).andExpect(status().isUnauthorized())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("state cookie")));
	}

	@Test
	void expiredStateIsRefused() throws Exception {
		LtiFlows.Login login = login();
		jdbc.sql("update lti_login_state set expires_at = 0 where state=?").param(login.state()).update();
		flows.launch(token("teacher1", login, c -> {
		}), login.state(), login.stateCookie()).andExpect(status().isUnauthorized());
	}

	@Test
	void replayedIdTokenIsRefused() throws Exception {
		LtiFlows.Login login = login();
		String token = token("teacher1", login, c -> {
		});
		flows.launch(token, login.state(), login.stateCookie()).andExpect(status().isFound());
		flows.launch(token, login.state(), login.stateCookie()).andExpect(status().isUnauthorized());
		// and with a fresh login of the same browser: the nonce no longer matches
		LtiFlows.Login again = login();
		flows.launch(token, again.state(), again.stateCookie()).andExpect(status().isUnauthorized());
	}

	@Test
	void registrationDisabledBetweenLoginAndLaunchIsForbidden() throws Exception {
		Registration other = registrations.create(values("https://flaky.example.edu", "f1", List.of("1"),
				RegistrationState.ACTIVE), "test");
		LtiFlows.Login login = flows.login(LtiFlows.loginParams("https://flaky.example.edu", "f1", "1"));
		registrations.setState(other.id(), RegistrationState.DISABLED);
		flows.launch(token("teacher1", login, c -> c.put("iss", "https://flaky.example.edu")), login.state(), login.stateCookie())
				.andExpect(status().isForbidden());
	}

	// --- login initiation ----------------------------------------------------------------------------------

	@Test
	void loginFromAnUnknownIssuerIsForbidden() throws Exception {
		flows.initiate(LtiFlows.loginParams("https://unknown.example.edu", "x", "1")).andExpect(status().isForbidden())
				.andExpect(content().string(org.hamcrest.Matchers.containsString(
						"no registration for issuer https://unknown.example.edu and client x")));
	}

	@Test
	void loginForAnUnknownClientIsForbidden() throws Exception {
		flows.initiate(LtiFlows.loginParams(issuer, "not-our-client", "1")).andExpect(status().isForbidden());
	}

	@Test
	void loginForAPendingRegistrationIsForbidden() throws Exception {
		flows.initiate(LtiFlows.loginParams("https://pending.example.edu", "p1", "1")).andExpect(status().isForbidden())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("must approve it")));
	}

	@Test
	void loginForADisabledRegistrationIsForbidden() throws Exception {
		flows.initiate(LtiFlows.loginParams("https://disabled.example.edu", "d1", "1")).andExpect(status().isForbidden());
	}

	@Test
	void loginWithoutClientIdForAnIssuerWithSeveralClientsIsMalformed() throws Exception {
		Map<String, String> params = new java.util.HashMap<>(LtiFlows.loginParams("https://two.example.edu", "a", "1"));
		params.remove("client_id");
		flows.initiate(params).andExpect(status().isBadRequest());
	}

	@Test
	void loginWithoutLoginHintIsMalformed() throws Exception {
		Map<String, String> params = new java.util.HashMap<>(LtiFlows.loginParams(issuer, clientId, "1"));
		params.remove("login_hint");
		flows.initiate(params).andExpect(status().isBadRequest());
	}

	@Test
	void loginTowardsAForeignTargetIsMalformed() throws Exception {
		Map<String, String> params = new java.util.HashMap<>(LtiFlows.loginParams(issuer, clientId, "1"));
		params.put("target_link_uri", "https://evil.example/phish");
		flows.initiate(params).andExpect(status().isBadRequest());
	}

	@Test
	void browserThatDropsTheStateCookieIsOfferedANewWindow() throws Exception {
		MockHttpServletResponse first = flows.initiate(LtiFlows.loginParams(issuer, clientId, "1")).andReturn().getResponse();
		String state = first.getRedirectedUrl().substring(first.getRedirectedUrl().indexOf("state=") + 6);
		mvc.perform(get("/lti/login/continue").param("state", state)).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"new-window\"")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("/lti/login/window?state=" + state)));
		// the new top-level window binds the state and goes on to the platform
		MockHttpServletResponse window = mvc.perform(get("/lti/login/window").param("state", state)).andReturn().getResponse();
		assertThat(window.getStatus()).isEqualTo(302);
		assertThat(window.getRedirectedUrl()).startsWith(issuer + "/mod/lti/auth.php?");
		assertThat(window.getCookie("bbls_" + state)).isNotNull();
	}
}
