package org.badgebridge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.servlet.http.Cookie;
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

import org.badgebridge.platform.Registrations;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.support.LtiFlows;
import org.badgebridge.support.TestPlatform;

/**
 * The page language, by the precedence of the issue: the person's switch, then the launch's
 * {@code launch_presentation.locale} (Moodle's {@code nl_be}, {@code en_us}: the language part counts), then the
 * browser's Accept-Language, then English; {@code <html lang>} always says the language shown.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LanguagesIntegrationTest {

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

	String clientId;

	@BeforeEach
	void register() {
		flows = new LtiFlows(mvc);
		clientId = (String) TestPlatform.moodlePayload("teacher1").get("aud");
		if (registrations.find(platform.base(), clientId).isEmpty()) {
			registrations.create(platform.registration(platform.base(), clientId, List.of("1"), RegistrationState.ACTIVE), "test");
		}
	}

	/** This test's person (JUnit makes an instance per test). */
	final String person = "teacher-" + java.util.UUID.randomUUID();

	/** A Moodle teacher launch whose launch_presentation.locale is {@code locale}; the tool session's cookie. */
	Cookie launch(String locale, String acceptLanguage) throws Exception {
		LtiFlows.Login login = flows.login(LtiFlows.loginParams(platform.base(), clientId, "1"));
		String token = platform.sign(TestPlatform.moodlePayload("teacher1"), login.nonce(), c -> {
			c.put("iss", platform.base());
			c.put("sub", person); // a person of this test only: a language switch is kept for the person
			Map<String, Object> presentation = new LinkedHashMap<>(castMap(c.get(LTI + "launch_presentation")));
			presentation.put("locale", locale);
			c.put(LTI + "launch_presentation", presentation);
		});
		MockHttpServletResponse launch = mvc.perform(post("/lti/launch").param("id_token", token).param("state", login.state())
				.cookie(login.stateCookie()).header("Accept-Language", acceptLanguage)).andReturn().getResponse();
		assertThat(launch.getStatus()).as(launch.getContentAsString()).isEqualTo(302);
		assertThat(launch.getRedirectedUrl()).endsWith("/lti/course");
		return launch.getCookie("bb_session");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> castMap(Object o) {
		return (Map<String, Object>) o;
	}

	String page(String url, Consumer<org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> change)
			throws Exception {
		var request = get(url);
		change.accept(request);
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(url + ": " + response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	@Test
	void aMoodleLaunchInNlBeShowsDutchPagesWithLangNlEvenToAnEnglishBrowser() throws Exception {
		Cookie session = launch("nl_be", "en-GB,en;q=0.9");

		String course = page("/lti/course", r -> r.cookie(session).header("Accept-Language", "en-GB,en;q=0.9"));

		assertThat(course).contains("<html lang=\"nl\"", "Naar de hoofdinhoud", "id=\"lang-nl\"")
				.doesNotContain("Skip to main content");
		assertThat(jdbc.sql("select locale from tool_session where id=?").param(session.getValue()).query(String.class).single())
				.isEqualTo("nl_be");
	}

	@Test
	void aLaunchInEnUsWinsOverADutchBrowser() throws Exception {
		Cookie session = launch("en_us", "nl-NL,nl;q=0.9");

		assertThat(page("/lti/course", r -> r.cookie(session).header("Accept-Language", "nl-NL,nl;q=0.9")))
				.contains("<html lang=\"en\"", "Skip to main content");
	}

	@Test
	void theSwitchWinsOverTheLaunchAndIsKeptForTheSessionAndTheLearnersMails() throws Exception {
		Cookie session = launch("nl", "nl");

		MockHttpServletResponse chosen = mvc.perform(post("/language").param("lang", "en").param("return", "/lti/course")
				.cookie(session).with(csrf())).andReturn().getResponse();

		assertThat(chosen.getStatus()).isEqualTo(302);
		assertThat(chosen.getRedirectedUrl()).isEqualTo("/lti/course");
		assertThat(page("/lti/course", r -> r.cookie(session).header("Accept-Language", "nl")))
				.contains("<html lang=\"en\"", "Skip to main content", "id=\"lang-en\" lang=\"en\" aria-current=\"true\"");
		long member = jdbc.sql("select member_id from tool_session where id=?").param(session.getValue()).query(Long.class).single();
		assertThat(jdbc.sql("select locale from course_member where id=?").param(member).query(String.class).single())
				.as("the member's record, for mails sent later").isEqualTo("en");
	}

	@Test
	void theSwitchOutlivesTheSessionTheNextLaunchInTheLmsLanguageDoesNotUndoIt() throws Exception {
		Cookie first = launch("nl", "nl");
		mvc.perform(post("/language").param("lang", "en").param("return", "/lti/course").cookie(first).with(csrf()));

		Cookie next = launch("nl", "nl");

		assertThat(page("/lti/course", r -> r.cookie(next).header("Accept-Language", "nl")))
				.as("the person's own choice comes before the launch's launch_presentation.locale")
				.contains("<html lang=\"en\"", "Skip to main content");
		long member = jdbc.sql("select member_id from tool_session where id=?").param(next.getValue()).query(Long.class).single();
		assertThat(jdbc.sql("select locale from course_member where id=?").param(member).query(String.class).single())
				.as("mails sent later keep the choice too").isEqualTo("en");

		mvc.perform(post("/language").param("lang", "nl").param("return", "/lti/course").cookie(next).with(csrf()));
		Cookie third = launch("en", "en");
		assertThat(page("/lti/course", r -> r.cookie(third).header("Accept-Language", "en")))
				.as("a later switch replaces the earlier one").contains("<html lang=\"nl\"");
	}

	@Test
	void outsideALaunchTheBrowsersLanguageCountsAndEnglishIsTheFallback() throws Exception {
		assertThat(page("/", r -> r.header("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.5")))
				.contains("<html lang=\"nl\"", "Bekijk de badgecatalogus", "Welkom · BadgeBridge");
		assertThat(page("/", r -> r.header("Accept-Language", "de-DE,fr;q=0.8")))
				.contains("<html lang=\"en\"", "Browse the badge catalogue");
		assertThat(page("/", r -> {
		})).contains("<html lang=\"en\"", "Browse the badge catalogue", "Skip to main content");
	}

	@Test
	void outsideALaunchTheSwitchGoesIntoTheAddressAndAPartitionedCookie() throws Exception {
		MockHttpServletResponse chosen = mvc.perform(post("/language").param("lang", "nl").param("return", "/?x=1")
				.with(csrf())).andReturn().getResponse();

		assertThat(chosen.getStatus()).isEqualTo(302);
		assertThat(chosen.getRedirectedUrl()).isEqualTo("/?x=1&lang=nl");
		String cookie = chosen.getHeaders("Set-Cookie").stream().filter(h -> h.startsWith("bb_lang=")).findFirst().orElseThrow();
		assertThat(cookie).startsWith("bb_lang=nl").contains("SameSite=None", "Secure", "Partitioned");
		assertThat(page("/?lang=nl", r -> r.header("Accept-Language", "en"))).contains("<html lang=\"nl\"", "Welkom");
		assertThat(page("/", r -> r.cookie(new Cookie("bb_lang", "nl")).header("Accept-Language", "en")))
				.contains("<html lang=\"nl\"", "Welkom");
		// the switch on the page returns to the same page without the old choice or a one-time notice id
		assertThat(page("/?lang=nl&n=abc&x=2", r -> {
		})).contains("name=\"return\" value=\"/?x=2\"");
	}

	@Test
	void theSwitchReturnsOnlyToPagesOfTheToolAndKnowsTwoLanguages() throws Exception {
		for (String elsewhere : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)")) {
			MockHttpServletResponse r = mvc.perform(post("/language").param("lang", "en").param("return", elsewhere).with(csrf()))
					.andReturn().getResponse();
			assertThat(r.getRedirectedUrl()).as(elsewhere).isEqualTo("/?lang=en");
		}
		MockHttpServletResponse unknown = mvc.perform(post("/language").param("lang", "de").param("return", "/")
				.header("Accept-Language", "nl").with(csrf())).andReturn().getResponse();
		assertThat(unknown.getStatus()).isEqualTo(400);
		assertThat(unknown.getContentAsString()).contains("<html lang=\"nl\"", "Kies Engels (en) of Nederlands (nl).");
	}

	@Test
	void errorPagesAndRefusalsSpeakThePagesLanguage() throws Exception {
		MockHttpServletResponse missing = mvc.perform(get("/no-such-page").header("Accept-Language", "nl")).andReturn().getResponse();
		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(missing.getContentAsString()).contains("<html lang=\"nl\"", "Niet gevonden", "Status 404");

		MockHttpServletResponse noSession = mvc.perform(get("/lti/course").header("Accept-Language", "nl")).andReturn().getResponse();
		assertThat(noSession.getStatus()).isEqualTo(401);
		assertThat(noSession.getContentAsString()).contains("<html lang=\"nl\"", "Open de tool opnieuw",
				"Je BadgeBridge-sessie is verlopen");
		assertThat(mvc.perform(get("/lti/course")).andReturn().getResponse().getContentAsString())
				.contains("<html lang=\"en\"", "Your BadgeBridge session has ended");
	}
}
