package org.badgebridge.lms;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Token, AGS and NRPS calls each end at their deadline ({@code badgebridge.lms.timeout}, per attempt) even when the
 * platform sends its headers at once and then dribbles the body: the deadline covers the body too.
 */
@SpringBootTest(properties = { "badgebridge.lms.timeout=2s", "badgebridge.lms.retry.max-attempts=1" })
@ActiveProfiles("test")
class LmsDeadlinesIntegrationTest {

	static final Duration DEADLINE = Duration.ofSeconds(2);

	static final String SERVICES = "/mod/lti/services.php/2";

	@Autowired
	AgsClient ags;

	@Autowired
	NrpsClient nrps;

	@Autowired
	AccessTokens tokens;

	@Autowired
	Registrations registrations;

	WireMockServer moodle;

	Registration registration;

	@BeforeEach
	void start() {
		moodle = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		moodle.start();
		String base = base();
		registration = registrations.create(new RegistrationValues("Moodle at " + moodle.port(), base, "client-" + moodle.port(),
				"moodle", base + "/mod/lti/auth.php", base + "/mod/lti/token.php", null, base + "/mod/lti/certs.php", null,
				List.of("1"), RegistrationState.ACTIVE), "test");
	}

	@AfterEach
	void stop() {
		moodle.stop();
	}

	String base() {
		return "http://127.0.0.1:" + moodle.port();
	}

	static ResponseDefinitionBuilder dribbling(String json) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(json + " ".repeat(100))
				.withChunkedDribbleDelay(50, 30_000);
	}

	void tokenAnswersAtOnce() {
		moodle.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
	}

	void endsWithinTheDeadline(ThrowingCallable call, String url) {
		long started = System.nanoTime();
		assertThatThrownBy(call).isInstanceOf(LmsCallFailed.class).hasMessageContaining(url)
				.hasMessageContaining("no complete answer within 2 s");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE.plusSeconds(1));
	}

	@Test
	void aDribblingTokenAnswerEndsAtTheDeadline() {
		moodle.stubFor(post(urlPathEqualTo("/mod/lti/token.php"))
				.willReturn(dribbling("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));

		endsWithinTheDeadline(() -> tokens.token(registration, List.of(AgsClient.SCOPE_LINEITEM_READ)), "/mod/lti/token.php");
	}

	@Test
	void aDribblingLineItemContainerEndsAtTheDeadline() {
		tokenAnswersAtOnce();
		tokens.token(registration, List.of(AgsClient.SCOPE_LINEITEM_READ));
		moodle.stubFor(get(urlPathEqualTo(SERVICES + "/lineitems")).willReturn(dribbling("[]")));

		endsWithinTheDeadline(() -> ags.lineItems(registration, base() + SERVICES + "/lineitems?type_id=1",
				AgsClient.LineItemFilter.none()), SERVICES + "/lineitems");
	}

	@Test
	void aDribblingMembershipEndsAtTheDeadline() {
		tokenAnswersAtOnce();
		tokens.token(registration, List.of(NrpsClient.SCOPE));
		moodle.stubFor(get(urlPathEqualTo(SERVICES + "/memberships")).willReturn(dribbling("{\"id\":\"m\",\"members\":[]}")));

		endsWithinTheDeadline(() -> nrps.members(registration, base() + SERVICES + "/memberships", null), SERVICES + "/memberships");
	}
}
