package org.badgebridge.launch;

import java.util.List;
import java.util.Map;

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
import org.badgebridge.support.PageHygiene;
import org.badgebridge.support.TestPlatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * LTI platform storage (Canvas, Brightspace, Sakai): when the login brings {@code lti_storage_target}, the
 * state goes into the platform's storage by postMessage, and a launch whose state cookie was blocked is
 * completed only once the page has read the same state back from that storage.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PlatformStorageIntegrationTest {

	@org.junit.jupiter.api.extension.RegisterExtension
	static final TestPlatform platform = new TestPlatform();

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;


	record StorageLogin(String state, String nonce) {
	}

	StorageLogin login() throws Exception {
		String issuer = platform.base();
		if (registrations.find(issuer, "ps-client").isEmpty()) {
			registrations.create(platform.registration(issuer, "ps-client", List.of("1"), RegistrationState.ACTIVE), "test");
		}
		var request = post("/lti/login");
		LtiFlows.loginParams(issuer, "ps-client", "1").forEach(request::param);
		request.param("lti_storage_target", "post_message_forwarding");
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		String page = response.getContentAsString();
		// the page's own script (a file: the policy runs no inline code) puts the state into the platform's storage
		assertThat(page).contains("data-step=\"put\"", "data-storage-target=\"post_message_forwarding\"",
				"data-platform-origin=\"" + issuer + "\"", "src=\"/js/platform-storage.js\"");
		assertThat(PageHygiene.policyProblems("storage login", response.getHeader("Content-Security-Policy"))).isEmpty();
		assertThat(PageHygiene.htmlProblems("storage login", page)).isEmpty();
		String auth = page.substring(page.indexOf("data-next=\"") + 11);
		auth = HtmlUtils.htmlUnescape(auth.substring(0, auth.indexOf('"')));
		return new StorageLogin(LtiFlows.query(auth, "state"), LtiFlows.query(auth, "nonce"));
	}

	String token(StorageLogin login) {
		return platform.sign(TestPlatform.moodlePayload("student1"), login.nonce(), c -> {
			c.put("iss", platform.base());
			c.put("aud", "ps-client");
		});
	}

	String pendingId(String page) {
		String rest = page.substring(page.indexOf("name=\"pending\" value=\"") + 22);
		return rest.substring(0, rest.indexOf('"'));
	}

	@Test
	void launchWithoutCookieCompletesOnceStorageConfirmsTheState() throws Exception {
		StorageLogin login = login();
		MockHttpServletResponse launch = new LtiFlows(mvc).launch(token(login), login.state()).andReturn().getResponse();
		assertThat(launch.getStatus()).isEqualTo(200);
		assertThat(launch.getContentAsString()).contains("data-step=\"get\"", "data-state=\"" + login.state() + "\"",
				"src=\"/js/platform-storage.js\"");
		assertThat(PageHygiene.policyProblems("storage launch", launch.getHeader("Content-Security-Policy"))).isEmpty();
		assertThat(PageHygiene.htmlProblems("storage launch", launch.getContentAsString())).isEmpty();
		assertThat(launch.getHeaders("Set-Cookie")).noneMatch(h -> h.startsWith("bb_session"));

		MockHttpServletResponse confirmed = mvc.perform(post("/lti/launch/confirm").header("Origin", TOOL_ORIGIN)
				.param("pending", pendingId(launch.getContentAsString())).param("state", login.state())).andReturn().getResponse();
		assertThat(confirmed.getStatus()).isEqualTo(302);
		assertThat(confirmed.getCookie("bb_session")).isNotNull();
	}

	/** The tool's own origin (badgebridge.public-url of the tests). */
	static final String TOOL_ORIGIN = "http://localhost:8080";

	String pendingLaunch(StorageLogin login) throws Exception {
		return pendingId(new LtiFlows(mvc).launch(token(login), login.state()).andReturn().getResponse().getContentAsString());
	}

	@Test
	void confirmationPostedFromAnotherSiteIsRefusedWithAPageAndOpensNoSession() throws Exception {
		StorageLogin login = login();
		String pending = pendingLaunch(login);
		// login CSRF: the attacker's page posts its own pending launch and state into the victim's browser
		MockHttpServletResponse refused = mvc.perform(post("/lti/launch/confirm").header("Origin", "https://attacker.example")
				.header("Sec-Fetch-Site", "cross-site").param("pending", pending).param("state", login.state()))
				.andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentType()).startsWith("text/html");
		assertThat(refused.getContentAsString()).contains("did not come from BadgeBridge");
		assertThat(refused.getCookie("bb_session")).isNull();

		MockHttpServletResponse nullOrigin = mvc.perform(post("/lti/launch/confirm").header("Origin", "null")
				.param("pending", pending).param("state", login.state())).andReturn().getResponse();
		assertThat(nullOrigin.getStatus()).isEqualTo(403);
		assertThat(nullOrigin.getCookie("bb_session")).isNull();
	}

	@Test
	void confirmationWithoutOriginPassesOnlyWhenTheBrowserSaysSameOrigin() throws Exception {
		StorageLogin login = login();
		String pending = pendingLaunch(login);
		MockHttpServletResponse neither = mvc.perform(post("/lti/launch/confirm").param("pending", pending)
				.param("state", login.state())).andReturn().getResponse();
		assertThat(neither.getStatus()).isEqualTo(403);
		assertThat(neither.getCookie("bb_session")).isNull();
		MockHttpServletResponse crossSite = mvc.perform(post("/lti/launch/confirm").header("Sec-Fetch-Site", "same-site")
				.param("pending", pending).param("state", login.state())).andReturn().getResponse();
		assertThat(crossSite.getStatus()).isEqualTo(403);

		MockHttpServletResponse sameOrigin = mvc.perform(post("/lti/launch/confirm").header("Sec-Fetch-Site", "same-origin")
				.param("pending", pending).param("state", login.state())).andReturn().getResponse();
		assertThat(sameOrigin.getStatus()).isEqualTo(302);
		assertThat(sameOrigin.getCookie("bb_session")).isNotNull();
	}

	@Test
	void wrongStateFromStorageIsRefusedAndThePendingLaunchIsGone() throws Exception {
		StorageLogin login = login();
		String page = new LtiFlows(mvc).launch(token(login), login.state()).andReturn().getResponse().getContentAsString();
		String pending = pendingId(page);
		assertThat(mvc.perform(post("/lti/launch/confirm").header("Origin", TOOL_ORIGIN).param("pending", pending)
				.param("state", "forged")).andReturn().getResponse().getStatus()).isEqualTo(401);
		assertThat(mvc.perform(post("/lti/launch/confirm").header("Origin", TOOL_ORIGIN).param("pending", pending)
				.param("state", login.state()))
				.andReturn().getResponse().getStatus()).isEqualTo(401);
	}

}
