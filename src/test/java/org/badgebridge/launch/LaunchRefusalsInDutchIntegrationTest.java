package org.badgebridge.launch;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.LtiFlows;
import org.badgebridge.support.TestPlatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A refused launch is shown inside the LMS frame to teachers and students: its main sentence is in the page's
 * language (Dutch for a Dutch browser), the technical reason stays for the LMS admin in English, in a details element
 * (and the log, with the correlation id).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LaunchRefusalsInDutchIntegrationTest {

	static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	@RegisterExtension
	static final TestPlatform platform = new TestPlatform();

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	LtiFlows flows;

	String issuer;

	String clientId;

	@BeforeEach
	void register() {
		flows = new LtiFlows(mvc);
		issuer = platform.base();
		clientId = (String) TestPlatform.moodlePayload("teacher1").get("aud");
		if (registrations.find(issuer, clientId).isEmpty()) {
			registrations.create(platform.registration(issuer, clientId, List.of("1"), RegistrationState.ACTIVE), "test");
		}
	}

	@Test
	void anExpiredIdTokenIsExplainedInDutchWithTheDetailForTheAdmin() throws Exception {
		long now = System.currentTimeMillis() / 1000;
		String page = refused(401, c -> {
			c.put("iat", now - 600);
			c.put("exp", now - 540);
		});
		assertThat(page).contains("De lancering was verlopen voordat ze BadgeBridge bereikte.", "<details id=\"detail\"",
				"Details voor de beheerder", "The id_token expired at");
	}

	@Test
	void aTokenOfAnotherAudienceHasADutchSentenceAndItsEnglishDetail() throws Exception {
		String page = refused(401, c -> c.put("aud", "someone-else"));
		assertThat(page).contains("BadgeBridge kon niet vaststellen dat deze lancering van je leeromgeving komt.",
				"does not include this tool&#39;s client id");
		assertThat(page.substring(page.indexOf("id=\"reason\""), page.indexOf("</p>", page.indexOf("id=\"reason\""))))
				.doesNotContain("id_token");
	}

	@Test
	void anUnknownDeploymentIsExplainedInDutch() throws Exception {
		String page = refused(403, c -> c.put(LTI + "deployment_id", "77"));
		assertThat(page).contains("BadgeBridge kent deze installatie van de tool in je leeromgeving niet (deployment 77).");
	}

	@Test
	void aMissingClaimIsExplainedInDutch() throws Exception {
		String page = refused(400, c -> c.remove(LTI + "roles"));
		assertThat(page).contains("Je leeromgeving stuurde een lancering die BadgeBridge niet kan gebruiken",
				"The launch has no roles claim");
	}

	@Test
	void aNonceOfAnotherLoginIsExplainedInDutch() throws Exception {
		String page = refused(401, c -> c.put("nonce", "not-the-nonce"));
		assertThat(page).contains("Deze lancering is al gebruikt of hoort niet bij deze aanmelding.");
	}

	@Test
	void anUnknownStateIsExplainedInDutch() throws Exception {
		LtiFlows.Login login = flows.login(LtiFlows.loginParams(issuer, clientId, "1"));
		String token = platform.sign(TestPlatform.moodlePayload("teacher1"), login.nonce(), c -> c.put("iss", issuer));
		MockHttpServletResponse r = mvc.perform(dutch(post("/lti/launch").param("id_token", token)
				.param("state", "a-state-this-tool-never-issued").cookie(login.stateCookie()))).andReturn().getResponse();
		assertThat(r.getStatus()).isEqualTo(401);
		assertThat(r.getContentAsString()).contains("Deze lancering is onbekend, verlopen of al gebruikt.");
	}

	private String refused(int status, Consumer<Map<String, Object>> change) throws Exception {
		LtiFlows.Login login = flows.login(LtiFlows.loginParams(issuer, clientId, "1"));
		String token = platform.sign(TestPlatform.moodlePayload("teacher1"), login.nonce(), c -> {
			c.put("iss", issuer);
			change.accept(c);
		});
		MockHttpServletResponse r = mvc.perform(dutch(post("/lti/launch").param("id_token", token).param("state", login.state())
				.cookie(login.stateCookie()))).andReturn().getResponse();
		assertThat(r.getStatus()).isEqualTo(status);
		String page = r.getContentAsString();
		assertThat(page).contains("lang=\"nl\"", "kenmerk");
		return page;
	}

	private static MockHttpServletRequestBuilder dutch(MockHttpServletRequestBuilder request) {
		return request.header("Accept-Language", "nl");
	}
}
