package org.badgebridge.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /lti/register} is public: whoever opens it chooses what the tool fetches. With the tool on a public
 * address the platform side's address rules apply to the configuration URL and to every endpoint it would call or
 * store (loopback only in development; here the LMS's own host 127.0.0.1 is allowed by name, as an admin would allow
 * an intranet LMS, and {@code localhost} is not); no part of a fetched answer is ever shown; one deadline covers each
 * fetch, body included.
 */
@SpringBootTest(properties = { "badgebridge.public-url=https://badges.example.edu", "badgebridge.lti.allowed-hosts=127.0.0.1",
		"badgebridge.lti.registration.fetch-deadline=2s", "badgebridge.lti.registration.rate-limit-per-minute=1000" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RegistrationFetchSafetyIntegrationTest {

	static final String SECRET = "gradebook-of-course-42-secret";

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	WireMockServer lms;

	WireMockServer internal;

	@BeforeEach
	void start() {
		lms = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		lms.start();
		internal = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		internal.start();
		internal.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl())
				.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"client_id\":\"" + SECRET + "\"}")));
	}

	@AfterEach
	void stop() {
		lms.stop();
		internal.stop();
	}

	String base() {
		return "http://127.0.0.1:" + lms.port();
	}

	MockHttpServletResponse register(String configUrl) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/lti/register").param("openid_configuration", configUrl).param("registration_token", "t"))
				.andReturn().getResponse();
	}

	void configuration(Map<String, String> overrides) {
		String issuer = base() + "/moodle";
		Map<String, Object> config = new java.util.HashMap<>(Map.of("issuer", issuer, "token_endpoint", issuer + "/token.php",
				"jwks_uri", issuer + "/certs.php", "authorization_endpoint", issuer + "/auth.php", "registration_endpoint",
				issuer + "/register.php"));
		config.putAll(overrides);
		lms.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/moodle/openid-configuration.php"))
				.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(JSONObjectUtils.toJSONString(config))));
		lms.stubFor(post(urlPathEqualTo("/moodle/register.php")).willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"client_id\":\"C1\"}")));
	}

	@Test
	void aLoopbackPortIsNotFetchedWhileTheToolIsPublic() throws Exception {
		MockHttpServletResponse page = register("http://localhost:3306/");

		assertThat(page.getStatus()).isEqualTo(502);
		assertThat(page.getContentAsString()).contains("private or local network")
				.doesNotContain("mysql_native_password", "MariaDB");
		assertThat(register("http://localhost:" + internal.port() + "/x").getContentAsString()).contains("private or local network");
		assertThat(internal.findAll(anyRequestedFor(anyUrl()))).as("nothing on loopback was called").isEmpty();
	}

	@Test
	void aJwksUriOnALoopbackPortIsNeitherRegisteredNorStored() throws Exception {
		configuration(Map.of("jwks_uri", "http://localhost:3306/"));
		int before = registrations.all().size();

		MockHttpServletResponse page = register(base() + "/moodle/openid-configuration.php");

		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("jwks_uri", "private or local network").doesNotContain("3306");
		assertThat(lms.findAll(postRequestedFor(urlPathEqualTo("/moodle/register.php")))).as("no registration sent").isEmpty();
		assertThat(registrations.all()).hasSize(before);
	}

	@Test
	void aLoopbackRegistrationEndpointIsNotCalled() throws Exception {
		configuration(Map.of("registration_endpoint", "http://localhost:" + internal.port() + "/register"));
		int before = registrations.all().size();

		MockHttpServletResponse page = register(base() + "/moodle/openid-configuration.php");

		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("registration_endpoint").doesNotContain(SECRET);
		assertThat(internal.findAll(anyRequestedFor(anyUrl()))).as("the loopback endpoint never saw a request").isEmpty();
		assertThat(registrations.all()).hasSize(before);
	}

	@Test
	void noPartOfAFetchedAnswerIsShown() throws Exception {
		lms.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/html"))
				.willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html><h1>Gradebook</h1>" + SECRET + "</html>")));
		lms.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/error"))
				.willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/plain").withBody(SECRET)));
		configuration(Map.of());
		lms.stubFor(post(urlPathEqualTo("/moodle/register.php")).willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json").withBody("{\"error\":\"" + SECRET + "\"}")));

		MockHttpServletResponse html = register(base() + "/html");
		assertThat(html.getStatus()).isEqualTo(502);
		assertThat(html.getContentAsString()).contains("did not answer with a JSON object", "text/html")
				.doesNotContain(SECRET, "Gradebook");
		MockHttpServletResponse error = register(base() + "/error");
		assertThat(error.getContentAsString()).contains("answered HTTP 500", "text/plain").doesNotContain(SECRET);
		MockHttpServletResponse refused = register(base() + "/moodle/openid-configuration.php");
		assertThat(refused.getContentAsString()).contains("refused the registration", "answered HTTP 400").doesNotContain(SECRET);
	}

	@Test
	void aDribblingConfigurationEndsAtTheDeadline() throws Exception {
		lms.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/slow"))
				.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"issuer\":\"x\"}" + " ".repeat(100))
						.withChunkedDribbleDelay(50, 30_000)));
		register("ftp://warm-up.example/"); // the first request of a context renders the page template for the first time

		long started = System.nanoTime();
		MockHttpServletResponse page = register(base() + "/slow");

		assertThat(page.getStatus()).isEqualTo(502);
		assertThat(page.getContentAsString()).contains("No complete answer from", "within 2 s");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(List.of(lms.findAll(anyRequestedFor(urlPathEqualTo("/slow"))).size())).containsExactly(1);
	}
}
