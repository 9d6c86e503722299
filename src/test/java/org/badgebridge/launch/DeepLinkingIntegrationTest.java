package org.badgebridge.launch;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.LtiFlows;
import org.badgebridge.support.TestPlatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deep Linking: a teacher creates or picks a badge and the tool answers with a signed LtiDeepLinkingResponse
 * that Moodle accepts (iss = client id, aud = issuer, data echoed, one ltiResourceLink with badge_id and a
 * line item); a later resource link launch of that link opens the badge's page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DeepLinkingIntegrationTest {

	static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

	@org.junit.jupiter.api.extension.RegisterExtension
	static final TestPlatform platform = new TestPlatform();

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	LtiFlows flows;

	String issuer;


	@BeforeEach
	void register() {
		flows = new LtiFlows(mvc);
		issuer = platform.base();
		if (registrations.find(issuer, "dl-client").isEmpty()) {
			registrations.create(platform.registration(issuer, "dl-client", List.of("1"), RegistrationState.ACTIVE), "test");
		}
	}

	Cookie launch(String who, java.util.function.Consumer<Map<String, Object>> change, String expectedRedirect) throws Exception {
		LtiFlows.Login login = flows.login(LtiFlows.loginParams(issuer, "dl-client", "1"));
		String token = platform.sign(TestPlatform.moodlePayload(who), login.nonce(), c -> {
			c.put("iss", issuer);
			c.put("aud", "dl-client");
			change.accept(c);
		});
		MockHttpServletResponse response = flows.launch(token, login.state(), login.stateCookie()).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).endsWith(expectedRedirect);
		return response.getCookie("bb_session");
	}

	/** The first content item of the signed response on a deep linking response page. */
	static Map<?, ?> firstContentItem(String page) throws Exception {
		Matcher m = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).isTrue();
		return (Map<?, ?>) ((List<?>) SignedJWT.parse(HtmlUtils.htmlUnescape(m.group(1))).getJWTClaimsSet()
				.getClaim(DL + "content_items")).get(0);
	}

	static void deepLinkingRequest(Map<String, Object> c) {
		c.put(LTI + "message_type", "LtiDeepLinkingRequest");
		c.remove(LTI + "resource_link");
		c.put(DL + "deep_linking_settings", Map.of("deep_link_return_url", "http://127.0.0.1:8081/mod/lti/contentitem_return.php?course=2",
				"accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets", List.of("frame", "iframe", "window"),
				"accept_multiple", true, "auto_create", false, "data", "opaque-moodle-data-42"));
	}

	@Test
	void teacherCreatesABadgeAndTheToolAnswersWithASignedResponse() throws Exception {
		Cookie session = launch("teacher1", DeepLinkingIntegrationTest::deepLinkingRequest, "/lti/deep-linking");
		mvc.perform(get("/lti/deep-linking").cookie(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("Create a new badge")));

		String page = mvc.perform(post("/lti/deep-linking").cookie(session).with(csrf()).param("name", "Data Literacy")
				.param("description", "Reads and questions data")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("action=\"http://127.0.0.1:8081/mod/lti/contentitem_return.php?course=2\"");
		assertThat(page).as("the form posted to the LMS carries no CSRF token of the tool's").doesNotContain("_csrf");
		Matcher m = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).isTrue();
		SignedJWT jwt = SignedJWT.parse(HtmlUtils.htmlUnescape(m.group(1)));

		JWKSet toolKeys = JWKSet.parse(mvc.perform(get("/.well-known/jwks.json")).andReturn().getResponse().getContentAsString());
		RSAKey key = (RSAKey) toolKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).as("signed with a published tool key").isNotNull();
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
		assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");

		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("dl-client");
		assertThat(claims.getAudience()).containsExactly(issuer);
		assertThat(claims.getStringClaim("nonce")).isNotBlank();
		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isLessThanOrEqualTo(300_000);
		assertThat(claims.getClaim(LTI + "message_type")).isEqualTo("LtiDeepLinkingResponse");
		assertThat(claims.getClaim(LTI + "version")).isEqualTo("1.3.0");
		assertThat(claims.getClaim(LTI + "deployment_id")).isEqualTo("1");
		assertThat(claims.getClaim(DL + "data")).isEqualTo("opaque-moodle-data-42");
		List<?> items = (List<?>) claims.getClaim(DL + "content_items");
		assertThat(items).hasSize(1);
		Map<?, ?> item = (Map<?, ?>) items.get(0);
		assertThat(item.get("type")).isEqualTo("ltiResourceLink");
		assertThat(item.get("title")).isEqualTo("Data Literacy");
		assertThat(item.get("url")).isEqualTo("http://localhost:8080/lti/launch");
		String badgeId = (String) ((Map<?, ?>) item.get("custom")).get("badge_id");
		assertThat(badgeId).hasSize(36);
		Map<?, ?> lineItem = (Map<?, ?>) item.get("lineItem");
		assertThat(((Number) lineItem.get("scoreMaximum")).intValue()).isEqualTo(1);
		assertThat(lineItem.get("label")).isEqualTo("Data Literacy");
		assertThat(lineItem.get("resourceId")).isEqualTo("badgebridge:" + badgeId);
		assertThat(lineItem.get("tag")).isEqualTo("badgebridge");

		// the request is answered once only
		mvc.perform(post("/lti/deep-linking").cookie(session).with(csrf()).param("name", "Again"))
				.andExpect(status().isUnauthorized());

		// Moodle then launches the new link with custom badge_id: teachers manage it, learners see it
		Cookie teacher = launch("teacher1", c -> {
			c.put("aud", "dl-client");
			c.put(LTI + "custom", Map.of("badge_id", badgeId));
		}, "/lti/teach/badges/" + badgeId);
		mvc.perform(get("/lti/teach/badges/" + badgeId).cookie(teacher)).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"teacher-view\"")))
				.andExpect(content().string(containsString("Data Literacy")))
				.andExpect(content().string(containsString("LMS gradebook wins")));
		Cookie learner = launch("student1", c -> c.put(LTI + "custom", Map.of("badge_id", badgeId)), "/lti/learn/badges/" + badgeId);
		mvc.perform(get("/lti/learn/badges/" + badgeId).cookie(learner)).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"learner-view\"")));
		// the course's picker now offers the badge for another link
		Cookie again = launch("teacher1", DeepLinkingIntegrationTest::deepLinkingRequest, "/lti/deep-linking");
		mvc.perform(get("/lti/deep-linking").cookie(again)).andExpect(content().string(containsString("pick-" + badgeId)));
	}

	@Test
	void teacherUploadsABadgeImageAndHostileUploadsStoreNothing() throws Exception {
		Cookie session = launch("teacher1", DeepLinkingIntegrationTest::deepLinkingRequest, "/lti/deep-linking");
		String page = mvc.perform(post("/lti/deep-linking").cookie(session).with(csrf()).param("name", "With image"))
				.andReturn().getResponse().getContentAsString();
		Map<?, ?> item = firstContentItem(page);
		String badgeId = (String) ((Map<?, ?>) item.get("custom")).get("badge_id");
		Cookie teacher = launch("teacher1", c -> {
			c.put("aud", "dl-client");
			c.put(LTI + "custom", Map.of("badge_id", badgeId));
		}, "/lti/teach/badges/" + badgeId);

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/lti/teach/badges/" + badgeId + "/image")
				.file(new org.springframework.mock.web.MockMultipartFile("image", "x.txt", "text/plain", "not an image".getBytes()))
				.cookie(teacher).with(csrf())).andExpect(status().isFound())
				.andExpect(result -> assertThat(mvc.perform(get(result.getResponse().getRedirectedUrl()).cookie(teacher)).andReturn()
						.getResponse().getContentAsString()).contains("id=\"image-error\"").contains("not a PNG or SVG"));
		mvc.perform(get("/badges/" + badgeId + "/image")).andExpect(status().isNotFound());

		byte[] png = org.badgebridge.badge.BadgeDetailsTestData.png(64, 64);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/lti/teach/badges/" + badgeId + "/image")
				.file(new org.springframework.mock.web.MockMultipartFile("image", "badge.png", "image/png", png)).cookie(teacher))
				.andExpect(status().isForbidden());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/lti/teach/badges/" + badgeId + "/image")
				.file(new org.springframework.mock.web.MockMultipartFile("image", "badge.png", "image/png", png)).cookie(teacher)
				.with(csrf())).andExpect(status().isFound());
		mvc.perform(get("/badges/" + badgeId + "/image")).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Type", "image/png"))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().bytes(png));
		Cookie learner = launch("student1", c -> c.put(LTI + "custom", Map.of("badge_id", badgeId)), "/lti/learn/badges/" + badgeId);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/lti/teach/badges/" + badgeId + "/image")
				.file(new org.springframework.mock.web.MockMultipartFile("image", "badge.png", "image/png", png)).cookie(learner)
				.with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void formsOfTheToolNeedTheirCsrfToken() throws Exception {
		Cookie session = launch("teacher1", DeepLinkingIntegrationTest::deepLinkingRequest, "/lti/deep-linking");
		mvc.perform(post("/lti/deep-linking").cookie(session).param("name", "No token")).andExpect(status().isForbidden());
	}

	@Test
	void badgeWithoutNameIsRefusedWithAMessageAndNothingIsSent() throws Exception {
		Cookie session = launch("teacher1", DeepLinkingIntegrationTest::deepLinkingRequest, "/lti/deep-linking");
		mvc.perform(post("/lti/deep-linking").cookie(session).with(csrf()).param("name", "  ")).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("A badge needs a name.")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"JWT\""))));
	}

	@Test
	void cancellingAnswersWithNoContentItems() throws Exception {
		Cookie session = launch("teacher1", DeepLinkingIntegrationTest::deepLinkingRequest, "/lti/deep-linking");
		String page = mvc.perform(post("/lti/deep-linking").cookie(session).with(csrf()).param("cancel", "1"))
				.andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("_csrf");
		Matcher m = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).isTrue();
		assertThat((List<?>) SignedJWT.parse(HtmlUtils.htmlUnescape(m.group(1))).getJWTClaimsSet().getClaim(DL + "content_items"))
				.isEmpty();
	}

	@Test
	void pagesWithoutASessionAskToLaunchAgain() throws Exception {
		mvc.perform(get("/lti/deep-linking")).andExpect(status().isUnauthorized())
				.andExpect(content().string(containsString("Open the activity again")));
		mvc.perform(get("/lti/course").cookie(new Cookie("bb_session", "forged"))).andExpect(status().isUnauthorized());
	}

	@Test
	void badgeOfAnotherCourseIsNotShown() throws Exception {
		Cookie session = launch("teacher1", DeepLinkingIntegrationTest::deepLinkingRequest, "/lti/deep-linking");
		String page = mvc.perform(post("/lti/deep-linking").cookie(session).with(csrf()).param("name", "Course 2 badge"))
				.andReturn().getResponse().getContentAsString();
		Map<?, ?> item = firstContentItem(page);
		String badgeId = (String) ((Map<?, ?>) item.get("custom")).get("badge_id");
		Cookie otherCourse = launch("student1", c -> c.put(LTI + "context", Map.of("id", "99", "title", "Other")), "/lti/course");
		mvc.perform(get("/lti/learn/badges/" + badgeId).cookie(otherCourse)).andExpect(status().isForbidden())
				.andExpect(content().string(containsString("belongs to another course")));
		mvc.perform(get("/lti/badges/" + badgeId).cookie(otherCourse)).andExpect(status().isFound());
	}
}
