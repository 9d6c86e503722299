package org.badgebridge.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.support.PageHygiene;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * LTI Dynamic Registration against a Moodle-shaped (issuer with a path, {@code messages_supported} as objects
 * or strings, deployment id returned, "update" keeping the client id) and a Canvas-shaped (no deployment id,
 * token required) platform.
 */
@SpringBootTest(properties = "badgebridge.lti.registration.rate-limit-per-minute=1000")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DynamicRegistrationIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	WireMockServer lms;

	@BeforeEach
	void start() {
		lms = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		lms.start();
	}

	@AfterEach
	void stop() {
		lms.stop();
	}

	String base() {
		return "http://127.0.0.1:" + lms.port();
	}

	void moodleConfiguration(String issuerPath, Object messagesSupported) throws Exception {
		String issuer = base() + issuerPath;
		Map<String, Object> config = Map.of("issuer", issuer, "token_endpoint", issuer + "/mod/lti/token.php",
				"token_endpoint_auth_methods_supported", List.of("private_key_jwt"), "jwks_uri", issuer + "/mod/lti/certs.php",
				"authorization_endpoint", issuer + "/mod/lti/auth.php", "registration_endpoint",
				issuer + "/mod/lti/openid-registration.php", "scopes_supported", List.of("openid"),
				"https://purl.imsglobal.org/spec/lti-platform-configuration", Map.of("product_family_code", "moodle",
						"version", "4.5.6 (Build: 20250811)", "messages_supported", messagesSupported, "variables", List.of()));
		lms.stubFor(get(urlPathEqualTo(issuerPath + "/mod/lti/openid-configuration.php"))
				.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(JSONObjectUtils.toJSONString(config))));
	}

	void moodleRegistrationAnswer(String issuerPath, String clientId) {
		lms.stubFor(post(urlPathEqualTo(issuerPath + "/mod/lti/openid-registration.php"))
				.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
						{"client_id":"%s","response_types":["id_token"],"jwks_uri":"http://localhost:8080/.well-known/jwks.json",
						 "initiate_login_uri":"http://localhost:8080/lti/login","grant_types":["client_credentials","implicit"],
						 "redirect_uris":["http://localhost:8080/lti/launch"],"application_type":"web","token_endpoint_auth_method":"private_key_jwt",
						 "client_name":"BadgeBridge","scope":"https://purl.imsglobal.org/spec/lti-ags/scope/score",
						 "https://purl.imsglobal.org/spec/lti-tool-configuration":{"version":"1.3.0","deployment_id":"7",
						   "target_link_uri":"http://localhost:8080/lti/launch","domain":"localhost:8080","claims":["iss","sub","name","email"]}}
						""".formatted(clientId))));
	}

	MockHttpServletResponse register(String configUrl, String token) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/lti/register")
				.param("openid_configuration", configUrl).param("registration_token", token)).andReturn().getResponse();
	}

	@Test
	void moodleShapedPlatformRegistersPendingWithItsDeploymentAndSaysSoBeforeClosingTheFrame() throws Exception {
		moodleConfiguration("/moodle", List.of(Map.of("type", "LtiResourceLinkRequest", "placements", List.of("ContentArea")),
				Map.of("type", "LtiDeepLinkingRequest", "placements", List.of("ContentArea"))));
		moodleRegistrationAnswer("/moodle", "MoodleClient01");
		MockHttpServletResponse page = register(base() + "/moodle/mod/lti/openid-configuration.php", "moodle-token");

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("MoodleClient01", "id=\"pending\"");
		assertClosesOnlyWithTheButton(page.getContentAsString());
		assertThat(page.getHeader("Content-Security-Policy")).endsWith("; frame-ancestors 'self' " + base());
		assertThat(PageHygiene.policyProblems("registered", page.getHeader("Content-Security-Policy"))).isEmpty();
		assertThat(PageHygiene.htmlProblems("registered", page.getContentAsString())).isEmpty();
		assertThat(page.getHeader("X-Frame-Options")).isNull();

		Registration r = registrations.find(base() + "/moodle", "MoodleClient01").orElseThrow();
		assertThat(r.state()).isEqualTo(RegistrationState.PENDING);
		assertThat(r.deployments()).extracting(Deployment::deploymentId).containsExactly("7");
		assertThat(r.acceptNewDeployments()).isFalse();
		assertThat(r.productFamily()).isEqualTo("moodle");
		assertThat(r.authorizationEndpoint()).isEqualTo(base() + "/moodle/mod/lti/auth.php");
		assertThat(r.jwksUri()).isEqualTo(base() + "/moodle/mod/lti/certs.php");

		lms.verify(getRequestedFor(urlPathEqualTo("/moodle/mod/lti/openid-configuration.php"))
				.withHeader("Authorization", equalTo("Bearer moodle-token")));
		LoggedRequest sent = lms.findAll(postRequestedFor(urlPathEqualTo("/moodle/mod/lti/openid-registration.php"))).get(0);
		assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer moodle-token");
		assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
		Map<String, Object> body = JSONObjectUtils.parse(sent.getBodyAsString());
		assertThat(body.get("initiate_login_uri")).isEqualTo("http://localhost:8080/lti/login");
		assertThat(body.get("redirect_uris")).isEqualTo(List.of("http://localhost:8080/lti/launch"));
		assertThat(body.get("jwks_uri")).isEqualTo("http://localhost:8080/.well-known/jwks.json");
		assertThat(body.get("token_endpoint_auth_method")).isEqualTo("private_key_jwt");
		assertThat((String) body.get("scope")).contains("lti-ags/scope/lineitem", "lti-ags/scope/result.readonly",
				"lti-ags/scope/score", "lti-nrps/scope/contextmembership.readonly");
		Map<String, Object> tool = JSONObjectUtils.getJSONObject(body, "https://purl.imsglobal.org/spec/lti-tool-configuration");
		assertThat(tool.get("domain")).isEqualTo("localhost:8080");
		assertThat(tool.get("target_link_uri")).isEqualTo("http://localhost:8080/lti/launch");
		assertThat(((List<?>) tool.get("claims")).stream().map(String::valueOf).toList()).contains("name", "given_name", "family_name", "email");
		assertThat(((List<?>) tool.get("messages")).stream().map(m -> String.valueOf(((Map<?, ?>) m).get("type"))).toList())
				.containsExactlyInAnyOrder("LtiResourceLinkRequest", "LtiDeepLinkingRequest");
	}

	/** A registration made earlier and approved by the admin: Moodle at {@code path}, its deployment 7. */
	Registration activeMoodleRegistration(String path, String clientId) throws Exception {
		moodleConfiguration(path, List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest")); // older Moodle: strings
		moodleRegistrationAnswer(path, clientId);
		register(base() + path + "/mod/lti/openid-configuration.php", "t1");
		Registration first = registrations.find(base() + path, clientId).orElseThrow();
		registrations.setState(first.id(), RegistrationState.ACTIVE);
		return registrations.find(first.id()).orElseThrow();
	}

	/** The same platform now answers with other endpoints, another keyset and another deployment. */
	void movedConfiguration(String path, String clientId) throws Exception {
		String issuer = base() + path;
		Map<String, Object> config = Map.of("issuer", issuer, "token_endpoint", issuer + "/evil/token",
				"jwks_uri", issuer + "/evil/certs", "authorization_endpoint", issuer + "/evil/auth", "registration_endpoint",
				issuer + "/mod/lti/openid-registration.php", "https://purl.imsglobal.org/spec/lti-platform-configuration",
				Map.of("product_family_code", "moodle", "messages_supported", List.of("LtiResourceLinkRequest")));
		lms.stubFor(get(urlPathEqualTo(path + "/mod/lti/openid-configuration.php")).willReturn(aResponse()
				.withHeader("Content-Type", "application/json").withBody(JSONObjectUtils.toJSONString(config))));
		lms.stubFor(post(urlPathEqualTo(path + "/mod/lti/openid-registration.php")).willReturn(aResponse()
				.withHeader("Content-Type", "application/json").withBody("""
						{"client_id":"%s","https://purl.imsglobal.org/spec/lti-tool-configuration":{"deployment_id":"99"}}
						""".formatted(clientId))));
	}

	static void assertUnchanged(Registration now, Registration before) {
		assertThat(now.jwksUri()).isEqualTo(before.jwksUri());
		assertThat(now.authorizationEndpoint()).isEqualTo(before.authorizationEndpoint());
		assertThat(now.tokenEndpoint()).isEqualTo(before.tokenEndpoint());
		assertThat(now.deployments()).extracting(Deployment::deploymentId).containsExactly("7");
		assertThat(now.state()).isEqualTo(RegistrationState.ACTIVE);
	}

	@Test
	void registrationAnsweredWithAnActiveClientIdBecomesAPendingChangeAndTheOldValuesStayInForce() throws Exception {
		Registration before = activeMoodleRegistration("/m2", "SameClient");
		movedConfiguration("/m2", "SameClient");

		MockHttpServletResponse again = register(base() + "/m2/mod/lti/openid-configuration.php", "t2");
		assertThat(again.getStatus()).isEqualTo(200);
		assertThat(again.getContentAsString()).contains("id=\"change-pending\"", "keeps its current values");
		assertClosesOnlyWithTheButton(again.getContentAsString());
		assertThat(registrations.byIssuer(base() + "/m2")).hasSize(1);
		assertUnchanged(registrations.find(before.id()).orElseThrow(), before);

		// the admin sees old and new side by side on the registration's page
		String page = adminGet("/admin/platforms/" + before.id())
				.getContentAsString();
		assertThat(page).contains("id=\"pending-change\"", before.jwksUri(), base() + "/m2/evil/certs", base() + "/m2/evil/auth",
				base() + "/m2/evil/token", "99");

		// rejected: the change is gone, nothing changed
		MockHttpServletResponse rejected = adminPost(("/admin/platforms/" + before.id() + "/change/reject"));
		assertThat(rejected.getStatus()).isEqualTo(302);
		assertUnchanged(registrations.find(before.id()).orElseThrow(), before);
		assertThat(adminGet("/admin/platforms/" + before.id())
				.getContentAsString()).doesNotContain("id=\"pending-change\"");

		// proposed again and approved: now the new values are in force, still ACTIVE, with the new deployment
		register(base() + "/m2/mod/lti/openid-configuration.php", "t3");
		assertUnchanged(registrations.find(before.id()).orElseThrow(), before);
		MockHttpServletResponse approved = adminPost(("/admin/platforms/" + before.id() + "/change/approve"));
		assertThat(approved.getStatus()).isEqualTo(302);
		Registration after = registrations.find(before.id()).orElseThrow();
		assertThat(after.jwksUri()).isEqualTo(base() + "/m2/evil/certs");
		assertThat(after.authorizationEndpoint()).isEqualTo(base() + "/m2/evil/auth");
		assertThat(after.tokenEndpoint()).isEqualTo(base() + "/m2/evil/token");
		assertThat(after.deployments()).extracting(Deployment::deploymentId).containsExactly("7", "99");
		assertThat(after.state()).isEqualTo(RegistrationState.ACTIVE);
		assertThat(adminPost(("/admin/platforms/" + before.id() + "/change/approve")).getStatus())
				.as("nothing left to approve").isEqualTo(302);
	}

	@Test
	void moodlesOwnUpdateOfTheToolItRegisteredAppliesAtOnce() throws Exception {
		RSAKey moodleKey = new RSAKeyGenerator(2048).keyID("moodle-kid").generate();
		lms.stubFor(get(urlPathEqualTo("/m3/mod/lti/certs.php")).willReturn(aResponse().withHeader("Content-Type",
				"application/json").withBody(new JWKSet(moodleKey.toPublicJWK()).toString())));
		Registration before = activeMoodleRegistration("/m3", "UpdClient");
		lms.stubFor(post(urlPathEqualTo("/m3/mod/lti/openid-registration.php")).willReturn(aResponse()
				.withHeader("Content-Type", "application/json").withBody("""
						{"client_id":"UpdClient","https://purl.imsglobal.org/spec/lti-tool-configuration":{"deployment_id":"7"}}""")));
		// the platform's new token endpoint, so that the update is visible
		String issuer = base() + "/m3";
		Map<String, Object> config = Map.of("issuer", issuer, "token_endpoint", issuer + "/mod/lti/token2.php",
				"jwks_uri", issuer + "/mod/lti/certs.php", "authorization_endpoint", issuer + "/mod/lti/auth.php",
				"registration_endpoint", issuer + "/mod/lti/openid-registration.php");
		lms.stubFor(get(urlPathEqualTo("/m3/mod/lti/openid-configuration.php")).willReturn(aResponse()
				.withHeader("Content-Type", "application/json").withBody(JSONObjectUtils.toJSONString(config))));

		// Moodle's startltiadvregistration.php for "update the existing tool": sub = the tool's type id (= the
		// deployment id it gave us), scope reg-update, signed with the site's LTI key
		MockHttpServletResponse page = register(issuer + "/mod/lti/openid-configuration.php", moodleToken(moodleKey, "7", "reg-update", 3600));
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("registration updated").doesNotContain("id=\"change-pending\"");
		Registration after = registrations.find(before.id()).orElseThrow();
		assertThat(after.tokenEndpoint()).isEqualTo(issuer + "/mod/lti/token2.php");
		assertThat(after.state()).isEqualTo(RegistrationState.ACTIVE);
		assertThat(after.deployments()).extracting(Deployment::deploymentId).containsExactly("7");
	}

	@Test
	void anUpdateSignalThatMoodleDidNotSignOrThatDoesNotNameTheToolIsOnlyAPendingChange() throws Exception {
		RSAKey moodleKey = new RSAKeyGenerator(2048).keyID("moodle-kid").generate();
		RSAKey otherKey = new RSAKeyGenerator(2048).keyID("moodle-kid").generate();
		lms.stubFor(get(urlPathEqualTo("/m4/mod/lti/certs.php")).willReturn(aResponse().withHeader("Content-Type",
				"application/json").withBody(new JWKSet(moodleKey.toPublicJWK()).toString())));
		Registration before = activeMoodleRegistration("/m4", "SigClient");
		movedConfiguration("/m4", "SigClient");
		String configUrl = base() + "/m4/mod/lti/openid-configuration.php";

		for (String token : List.of(moodleToken(otherKey, "7", "reg-update", 3600), // not the platform's key
				moodleToken(moodleKey, "8", "reg-update", 3600), // another tool of that Moodle
				moodleToken(moodleKey, "7", "reg", 3600), // a new registration, not an update
				moodleToken(moodleKey, "7", "reg-update", -60), // expired
				"not-a-jwt")) {
			assertThat(register(configUrl, token).getContentAsString()).contains("id=\"change-pending\"");
			assertUnchanged(registrations.find(before.id()).orElseThrow(), before);
		}
		// a valid signal whose answer is not about that tool (another deployment) is not applied either
		assertThat(register(configUrl, moodleToken(moodleKey, "7", "reg-update", 3600)).getContentAsString())
				.contains("id=\"change-pending\"");
		assertUnchanged(registrations.find(before.id()).orElseThrow(), before);
	}

	static String moodleToken(RSAKey key, String sub, String scope, long expiresIn) throws Exception {
		long now = System.currentTimeMillis() / 1000;
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				new JWTClaimsSet.Builder().subject(sub).claim("scope", scope).issueTime(new java.util.Date((now - 10) * 1000))
						.expirationTime(new java.util.Date((now + expiresIn) * 1000)).build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	MockHttpServletResponse adminGet(String path) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
				.with(httpBasic("admin", "test-admin-password"))).andReturn().getResponse();
	}

	MockHttpServletResponse adminPost(String path) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
				.with(httpBasic("admin", "test-admin-password")).with(csrf())).andReturn().getResponse();
	}

	@Test
	void canvasShapedPlatformRegistersWithoutDeploymentAndRecordsItAtFirstLaunch() throws Exception {
		Map<String, Object> config = Map.of("issuer", base(), "authorization_endpoint", base() + "/api/lti/authorize_redirect",
				"token_endpoint", base() + "/login/oauth2/token", "jwks_uri", base() + "/api/lti/security/jwks",
				"registration_endpoint", base() + "/api/lti/registrations",
				"https://purl.imsglobal.org/spec/lti-platform-configuration", Map.of("product_family_code", "canvas",
						"version", "OpenSource", "messages_supported", List.of(Map.of("type", "LtiResourceLinkRequest",
								"placements", List.of("course_navigation")), Map.of("type", "LtiDeepLinkingRequest",
										"placements", List.of("link_selection")))));
		lms.stubFor(get(urlPathEqualTo("/api/lti/security/openid-configuration")).withHeader("Authorization",
				equalTo("Bearer canvas-token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
						.withBody(JSONObjectUtils.toJSONString(config))));
		lms.stubFor(post(urlPathEqualTo("/api/lti/registrations")).willReturn(aResponse().withHeader("Content-Type",
				"application/json").withBody("""
						{"client_id":"10000000000360","https://purl.imsglobal.org/spec/lti-tool-configuration":
						  {"domain":"localhost:8080","target_link_uri":"http://localhost:8080/lti/launch"}}""")));

		MockHttpServletResponse page = register(base() + "/api/lti/security/openid-configuration", "canvas-token");
		assertThat(page.getStatus()).isEqualTo(200);
		Registration r = registrations.find(base(), "10000000000360").orElseThrow();
		assertThat(r.deployments()).isEmpty();
		assertThat(r.acceptNewDeployments()).isTrue();
		assertThat(r.productFamily()).isEqualTo("canvas");
		String body = lms.findAll(postRequestedFor(urlPathEqualTo("/api/lti/registrations"))).get(0).getBodyAsString();
		assertThat(body).contains("https://canvas.instructure.com/lti/privacy_level", "course_navigation");

		// Canvas announces the deployment at the first launch: recorded then, and an admin can disable it
		assertThat(registrations.checkDeployment(r, "3407:8865aa05")).isEqualTo(DeploymentCheck.RECORDED);
		Registration after = registrations.find(r.id()).orElseThrow();
		assertThat(registrations.checkDeployment(after, "3407:8865aa05")).isEqualTo(DeploymentCheck.ACCEPTED);
		registrations.setDeploymentState(r.id(), after.deployments().get(0).id(), Deployment.DeploymentState.DISABLED);
		assertThat(registrations.checkDeployment(registrations.find(r.id()).orElseThrow(), "3407:8865aa05"))
				.isEqualTo(DeploymentCheck.DISABLED);
	}

	@Test
	void configurationWhoseIssuerIsAnotherSiteIsRefusedAndNothingIsStored() throws Exception {
		Map<String, Object> config = Map.of("issuer", "https://moodle.other.example", "authorization_endpoint",
				"https://moodle.other.example/auth", "token_endpoint", "https://moodle.other.example/token", "jwks_uri",
				"https://moodle.other.example/jwks", "registration_endpoint", base() + "/register");
		lms.stubFor(get(urlPathEqualTo("/evil/openid-configuration")).willReturn(aResponse()
				.withHeader("Content-Type", "application/json").withBody(JSONObjectUtils.toJSONString(config))));
		MockHttpServletResponse page = register(base() + "/evil/openid-configuration", "t");
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("not on the host of the configuration URL");
		assertThat(registrations.byIssuer("https://moodle.other.example")).isEmpty();
		lms.verify(0, postRequestedFor(urlPathEqualTo("/register")));
	}

	@Test
	void configurationUrlOutsideTheIssuersPathIsRefused() throws Exception {
		moodleConfiguration("/a", List.of("LtiResourceLinkRequest"));
		lms.stubFor(get(urlPathEqualTo("/b/openid-configuration")).willReturn(aResponse()
				.withHeader("Content-Type", "application/json").withBody("{\"issuer\":\"" + base() + "/a\"}")));
		assertThat(register(base() + "/b/openid-configuration", "t").getStatus()).isEqualTo(400);
	}

	@Test
	void plainHttpPlatformOffLoopbackIsRefusedBeforeAnyFetch() throws Exception {
		MockHttpServletResponse page = register("http://moodle.example.edu/mod/lti/openid-configuration.php", "t");
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("must use https");
	}

	@Test
	void platformThatRefusesTheRegistrationGetsAClearPage() throws Exception {
		moodleConfiguration("/refuse", List.of("LtiResourceLinkRequest"));
		lms.stubFor(post(urlPathEqualTo("/refuse/mod/lti/openid-registration.php"))
				.willReturn(aResponse().withStatus(401).withBody("token_already_used")));
		MockHttpServletResponse page = register(base() + "/refuse/mod/lti/openid-configuration.php", "used");
		assertThat(page.getStatus()).isEqualTo(502);
		assertThat(page.getContentAsString()).as("what the platform answered is never shown").contains("HTTP 401")
				.doesNotContain("token_already_used");
		assertThat(registrations.byIssuer(base() + "/refuse")).isEmpty();
	}

	@Test
	void garbageConfigurationIsRefused() throws Exception {
		lms.stubFor(get(urlPathEqualTo("/garbage")).willReturn(aResponse().withBody("<html>not json</html>")));
		MockHttpServletResponse page = register(base() + "/garbage", "t");
		assertThat(page.getStatus()).isEqualTo(502);
		assertThat(page.getContentAsString()).contains("did not answer with a JSON object");
	}

	@Test
	void pendingRegistrationPageExplainsTheApprovalAndWhatTheMoodleAdminMustDo() throws Exception {
		moodleConfiguration("/wait", List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest"));
		moodleRegistrationAnswer("/wait", "WaitingClient");
		String html = register(base() + "/wait/mod/lti/openid-configuration.php", "w").getContentAsString();

		assertThat(html).contains("Waiting for approval by a BadgeBridge administrator",
				"Ask your BadgeBridge administrator to activate the registration", "WaitingClient");
		assertThat(html).as("what the Moodle admin must still do").contains("Activate", "Show in activity chooser",
				"Accept grades from the tool = Always");
		assertClosesOnlyWithTheButton(html);

		// the same registration started again while still pending: still waiting, still no auto-close
		MockHttpServletResponse again = register(base() + "/wait/mod/lti/openid-configuration.php", "w2");
		assertThat(again.getContentAsString()).contains("registration updated", "id=\"pending\"");
		assertClosesOnlyWithTheButton(again.getContentAsString());
	}

	@Test
	void closeScriptPostsTheDynamicRegistrationCloseMessageToOpenerOrParent() throws Exception {
		MockHttpServletResponse js = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/js/registration-close.js")).andReturn().getResponse();
		assertThat(js.getStatus()).isEqualTo(200);
		assertThat(js.getContentType()).contains("javascript");
		assertThat(js.getContentAsString()).contains("subject: 'org.imsglobal.lti.close'", "window.opener || window.parent",
				"getElementById('close')", "data-auto-close");
	}

	@Test
	void logoUriSentAtRegistrationAnswersACacheableImage() throws Exception {
		moodleConfiguration("/logo", List.of("LtiResourceLinkRequest"));
		moodleRegistrationAnswer("/logo", "LogoClient");
		register(base() + "/logo/mod/lti/openid-configuration.php", "l");
		Map<String, Object> body = JSONObjectUtils.parse(lms.findAll(postRequestedFor(urlPathEqualTo(
				"/logo/mod/lti/openid-registration.php"))).get(0).getBodyAsString());
		String logoUri = (String) body.get("logo_uri");
		assertThat(logoUri).startsWith("http://localhost:8080/");

		MockHttpServletResponse logo = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get(java.net.URI.create(logoUri))).andReturn().getResponse();
		assertThat(logo.getStatus()).isEqualTo(200);
		assertThat(logo.getContentType()).startsWith("image/");
		byte[] png = logo.getContentAsByteArray();
		assertThat(png).hasSizeGreaterThan(100);
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png))).as("a decodable image").isNotNull();
		assertThat(logo.getHeader("Cache-Control")).contains("max-age=").doesNotContain("no-store", "no-cache");
	}

	/** The page loads the close script, has no inline script, and its Close button does not close it by itself. */
	static void assertClosesOnlyWithTheButton(String html) {
		assertThat(html).contains("<button type=\"button\" id=\"close\">Close</button>", "/js/registration-close.js")
				.doesNotContain("data-auto-close");
		assertThat(html.split("<script").length - 1).as("script tags").isEqualTo(1);
		assertThat(html).containsPattern("<script src=\"[^\"]*/js/registration-close.js\"></script>");
	}

	static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
