package org.badgebridge.verification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.support.Csrf;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * "Verify a badge" cannot be used to hold the tool's threads: one deadline covers the whole fetch of a link, body
 * included (a server dribbling its answer is cut off), and only so many fetches run at once; beyond that the page
 * answers 503.
 */
@SpringBootTest(properties = { "badgebridge.verify.allowed-hosts=127.0.0.1", "badgebridge.verify.fetch-deadline=3s",
		"badgebridge.verify.max-concurrent-fetches=2" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class VerifierFetchLimitsIntegrationTest {

	static final Duration DEADLINE = Duration.ofSeconds(3);

	@Autowired
	MockMvc mvc;

	WireMockServer issuer;

	@BeforeEach
	void start() {
		issuer = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		issuer.start();
	}

	@AfterEach
	void stop() {
		issuer.stop();
	}

	String url(String path) {
		return "http://127.0.0.1:" + issuer.port() + path;
	}

	MockHttpServletResponse check(String link) throws Exception {
		return mvc.perform(post("/verify").param("text", link).with(Csrf.csrf())).andReturn().getResponse();
	}

	@Test
	void aDribblingBodyIsCutOffAtTheDeadline() throws Exception {
		issuer.stubFor(get(urlPathEqualTo("/slow-assertion")).willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"id\":\"x\"}" + " ".repeat(200))
				.withChunkedDribbleDelay(60, 30_000)));
		check("warm-up: the first request of a context renders the page templates for the first time");

		long started = System.nanoTime();
		MockHttpServletResponse response = check(url("/slow-assertion"));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

		assertThat(response.getContentAsString()).contains("id=\"verdict\"", "No complete answer from", "within 3 s");
		assertThat(elapsed).as("the fetch ends at its deadline, not when the server is done").isLessThan(DEADLINE.plusSeconds(1));
	}

	@Test
	void beyondTheCapOfConcurrentFetchesTheAnswerIs503() throws Exception {
		issuer.stubFor(get(urlPathEqualTo("/blocked")).willReturn(aResponse().withStatus(404).withFixedDelay(2_500)));
		List<CompletableFuture<MockHttpServletResponse>> holding = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			holding.add(CompletableFuture.supplyAsync(() -> {
				try {
					return check(url("/blocked"));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		await().atMost(Duration.ofSeconds(2)).until(() -> issuer.findAll(getRequestedFor(urlPathEqualTo("/blocked"))).size() == 2);

		MockHttpServletResponse third = check(url("/blocked"));

		assertThat(third.getStatus()).isEqualTo(503);
		assertThat(third.getHeader("Retry-After")).isEqualTo("30");
		assertThat(third.getContentAsString()).contains("id=\"verdict\"", "as many links as it may at once");
		for (CompletableFuture<MockHttpServletResponse> f : holding) {
			assertThat(f.get().getStatus()).as("the two fetches under way complete").isEqualTo(200);
			assertThat(f.get().getContentAsString()).contains("no badge at");
		}
		assertThat(issuer.findAll(getRequestedFor(urlPathEqualTo("/blocked")))).as("the third was never fetched").hasSize(2);
		assertThat(check(url("/blocked")).getStatus()).as("permits are given back").isEqualTo(200);
	}
}
