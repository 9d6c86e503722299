package org.badgebridge.lms;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
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
import org.badgebridge.platform.ToolKeys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AGS and NRPS clients against a WireMock LMS built from the Moodle 4.5.6 captures: token requests, exact
 * media types, {@code ?type_id=} URLs, curly-quoted pagination, missing {@code resultScore}, 401 refresh,
 * retries with {@code Retry-After}, timeouts and garbage answers.
 */
@SpringBootTest(properties = { "badgebridge.lms.retry.base-delay=5ms", "badgebridge.lms.retry.max-delay=1500ms",
		"badgebridge.lms.timeout=1s" })
@ActiveProfiles("test")
class LmsClientsIntegrationTest {

	static final String SERVICES = "/mod/lti/services.php/2";

	@Autowired
	AgsClient ags;

	@Autowired
	NrpsClient nrps;

	@Autowired
	AccessTokens tokens;

	@Autowired
	Registrations registrations;

	@Autowired
	ToolKeys keys;

	WireMockServer moodle;

	Registration registration;

	@BeforeEach
	void start() {
		moodle = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		moodle.start();
		String base = base();
		registration = registrations.create(new RegistrationValues("Moodle at " + moodle.port(), base, "FFwDSQKKutD4nwK",
				"moodle", base + "/mod/lti/auth.php", base + "/mod/lti/token.php", null, base + "/mod/lti/certs.php", null,
				List.of("1"), RegistrationState.ACTIVE), "test");
		moodle.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
				.willReturn(json("{\"access_token\":\"token-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}"))
				.willSetStateTo("second"));
		moodle.stubFor(post(urlPathEqualTo("/mod/lti/token.php")).inScenario("token").whenScenarioStateIs("second")
				.willReturn(json("{\"access_token\":\"token-2\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
	}

	@AfterEach
	void stop() {
		moodle.stop();
	}

	String base() {
		return "http://127.0.0.1:" + moodle.port();
	}

	String lineItemUrl(int item) {
		return base() + SERVICES + "/lineitems/" + item + "/lineitem?type_id=1";
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

	/** Moodle's Link header as its UTF-8 bytes on the wire, curly quotes and all. */
	static String curly(String url) {
		return new String(("<" + url + ">; rel=\u201Cnext\u201D").getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	@Test
	void tokenRequestIsAClientAssertionSignedByTheToolAndIsCached() throws Exception {
		moodle.stubFor(get(urlPathEqualTo(SERVICES + "/lineitems")).willReturn(json("[]")));
		ags.lineItems(registration, base() + SERVICES + "/lineitems?type_id=1", AgsClient.LineItemFilter.none());
		ags.lineItems(registration, base() + SERVICES + "/lineitems?type_id=1", AgsClient.LineItemFilter.none());
		List<LoggedRequest> requests = moodle.findAll(postRequestedFor(urlPathEqualTo("/mod/lti/token.php")));
		assertThat(requests).as("one token for both calls").hasSize(1);
		LoggedRequest token = requests.get(0);
		assertThat(token.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
		Map<String, String> form = new java.util.HashMap<>();
		for (String pair : token.getBodyAsString().split("&")) {
			String[] kv = pair.split("=", 2);
			form.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
		}
		assertThat(form.get("grant_type")).isEqualTo("client_credentials");
		assertThat(form.get("client_assertion_type")).isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		assertThat(form.get("scope")).isEqualTo("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly");
		SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
		RSAKey key = (RSAKey) keys.publicJwks().getKeyByKeyId(assertion.getHeader().getKeyID());
		assertThat(assertion.verify(new RSASSAVerifier(key))).isTrue();
		JWTClaimsSet claims = assertion.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("FFwDSQKKutD4nwK");
		assertThat(claims.getSubject()).isEqualTo("FFwDSQKKutD4nwK");
		assertThat(claims.getAudience()).containsExactly(base() + "/mod/lti/token.php");
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isLessThanOrEqualTo(300_000);
		moodle.verify(getRequestedFor(urlPathEqualTo(SERVICES + "/lineitems")).withHeader("Authorization", equalTo("Bearer token-1")));
	}

	@Test
	void lineItemsFollowMoodlesCurlyQuotedPagesWithExactAcceptAndFilters() {
		String container = base() + SERVICES + "/lineitems?type_id=1";
		String fixture = org.badgebridge.support.TestPlatform.fixture("capture_lineitems_after_manual_item.json");
		String items = fixture.substring(fixture.indexOf('['), fixture.lastIndexOf(']') + 1).replace("http://127.0.0.1:8081", base());
		moodle.stubFor(get(urlEqualTo(SERVICES + "/lineitems?type_id=1&tag=badgebridge&limit=2"))
				.withHeader("Accept", equalTo(AgsClient.LINEITEM_CONTAINER))
				.willReturn(json(items).withHeader("Link", curly(container + "&tag=badgebridge&limit=2&from=2"))));
		moodle.stubFor(get(urlEqualTo(SERVICES + "/lineitems?type_id=1&tag=badgebridge&limit=2&from=2"))
				.willReturn(json("[{\"id\":\"" + lineItemUrl(9) + "\",\"label\":\"Third\",\"scoreMaximum\":\"5\"}]")
						.withHeader("Link", "<" + container + ">; rel=\"first\"")));
		List<LineItem> all = ags.lineItems(registration, container, new AgsClient.LineItemFilter(null, null, "badgebridge", 2));
		assertThat(all).extracting(LineItem::label).containsExactly("Stub Tool Activity", "Stub standalone column", "Third");
		assertThat(all.get(0).resourceLinkId()).isEqualTo("1");
		assertThat(all.get(0).resourceId()).as("Moodle's empty string").isNull();
		assertThat(all.get(1).resourceId()).isEqualTo("quiz-42");
		assertThat(all.get(2).scoreMaximum()).isEqualTo(5.0);
	}

	@Test
	void resultsAndScoresAreBuiltOnThePathKeepingTypeId() {
		String extra = org.badgebridge.support.TestPlatform.fixture("capture_ags_extra.json");
		String results = extra.substring(extra.indexOf("\"body\": [", extra.indexOf("results_after_rescore")) + 8);
		results = results.substring(0, results.indexOf("]") + 1).replace("http://127.0.0.1:8081", base());
		results = results.substring(0, results.length() - 1) + ",{\"id\":\"x\",\"userId\":\"6\",\"scoreOf\":\"x\"}]"; // a zero grade
		moodle.stubFor(get(urlEqualTo(SERVICES + "/lineitems/2/lineitem/results?type_id=1"))
				.withHeader("Accept", equalTo(AgsClient.RESULT_CONTAINER)).willReturn(json(results)));
		List<Result> all = ags.results(registration, lineItemUrl(2), null);
		assertThat(all).extracting(Result::userId).containsExactly("4", "5", "6");
		assertThat(all.get(0).score()).isEqualTo(90.0);
		assertThat(all.get(0).maximum()).isEqualTo(100.0);
		assertThat(all.get(0).timestamp()).isEqualTo(Instant.parse("2026-11-28T12:39:41Z"));
		assertThat(all.get(2).hasScore()).as("no resultScore: no score").isFalse();

		moodle.stubFor(get(urlEqualTo(SERVICES + "/lineitems/2/lineitem/results?type_id=1&user_id=4"))
				.willReturn(json("[]")));
		assertThat(ags.results(registration, lineItemUrl(2), "4")).isEmpty();

		moodle.stubFor(post(urlEqualTo(SERVICES + "/lineitems/2/lineitem/scores?type_id=1"))
				.withHeader("Content-Type", equalTo(AgsClient.SCORE)).willReturn(aResponse().withStatus(200)));
		ags.postScore(registration, lineItemUrl(2), Score.earned("4", null));
		ags.postScore(registration, lineItemUrl(2), Score.earned("4", null));
		Instant revokedAt = Instant.parse("2026-11-28T12:40:00.250Z");
		assertThat(ags.postScore(registration, lineItemUrl(2), Score.cleared("4", revokedAt))).isEqualTo(200);
		List<LoggedRequest> scores = moodle.findAll(postRequestedFor(urlEqualTo(SERVICES + "/lineitems/2/lineitem/scores?type_id=1")));
		assertThat(scores).hasSize(3);
		try {
			Map<String, Object> first = JSONObjectUtils.parse(scores.get(0).getBodyAsString());
			Map<String, Object> second = JSONObjectUtils.parse(scores.get(1).getBodyAsString());
			assertThat(first).containsEntry("userId", "4").containsEntry("scoreGiven", 1.0).containsEntry("scoreMaximum", 1.0)
					.containsEntry("activityProgress", "Completed").containsEntry("gradingProgress", "FullyGraded");
			assertThat(Instant.parse((String) second.get("timestamp"))).as("no timestamp given: strictly newer")
					.isAfter(Instant.parse((String) first.get("timestamp")));
			Map<String, Object> cleared = JSONObjectUtils.parse(scores.get(2).getBodyAsString());
			assertThat(cleared).as("no grade: no scoreGiven, not fully graded (Moodle stores an empty grade)")
					.doesNotContainKeys("scoreGiven", "scoreMaximum").containsEntry("gradingProgress", "NotReady")
					.containsEntry("activityProgress", "Initialized").containsEntry("timestamp", "2026-11-28T12:40:00.250Z");
		}
		catch (java.text.ParseException ex) {
			throw new AssertionError(ex);
		}
	}

	@Test
	void scoreThePlatformAlreadyHasNewerDataForIsNotAnError() {
		moodle.stubFor(post(urlEqualTo(SERVICES + "/lineitems/2/lineitem/scores?type_id=1")).willReturn(aResponse().withStatus(409)));
		ags.postScore(registration, lineItemUrl(2), Score.earned("4", Instant.now()));
		moodle.stubFor(post(urlEqualTo(SERVICES + "/lineitems/3/lineitem/scores?type_id=1"))
				.willReturn(aResponse().withStatus(400).withBody("Incorrect score received")));
		assertThatThrownBy(() -> ags.postScore(registration, lineItemUrl(3), Score.earned("3", Instant.now())))
				.isInstanceOf(LmsCallFailed.class).hasMessageContaining("HTTP 400").hasMessageContaining("Incorrect score received")
				.matches(ex -> ((LmsCallFailed) ex).permanent());
	}

	@Test
	void expiredTokenIsRefreshedOnceOn401() {
		moodle.stubFor(get(urlPathEqualTo(SERVICES + "/lineitems/2/lineitem")).withHeader("Authorization", equalTo("Bearer token-1"))
				.willReturn(aResponse().withStatus(401)));
		moodle.stubFor(get(urlPathEqualTo(SERVICES + "/lineitems/2/lineitem")).withHeader("Authorization", equalTo("Bearer token-2"))
				.willReturn(json("{\"id\":\"" + lineItemUrl(2) + "\",\"label\":\"Badge\",\"scoreMaximum\":1}")));
		assertThat(ags.lineItem(registration, lineItemUrl(2)).label()).isEqualTo("Badge");
		assertThat(moodle.findAll(postRequestedFor(urlPathEqualTo("/mod/lti/token.php")))).hasSize(2);
	}

	@Test
	void rateLimitedAndFailingCallsAreRetriedHonouringRetryAfter() {
		moodle.stubFor(get(urlPathEqualTo(SERVICES + "/lineitems/5/lineitem/results")).inScenario("flaky")
				.whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
				.willSetStateTo("503"));
		moodle.stubFor(get(urlPathEqualTo(SERVICES + "/lineitems/5/lineitem/results")).inScenario("flaky")
				.whenScenarioStateIs("503").willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
		moodle.stubFor(get(urlPathEqualTo(SERVICES + "/lineitems/5/lineitem/results")).inScenario("flaky")
				.whenScenarioStateIs("ok").willReturn(json("[{\"userId\":\"4\",\"resultScore\":7,\"resultMaximum\":10}]")));
		long start = System.nanoTime();
		assertThat(ags.results(registration, lineItemUrl(5), null)).hasSize(1);
		assertThat((System.nanoTime() - start) / 1_000_000).as("waited for Retry-After").isGreaterThanOrEqualTo(900);
		moodle.verify(3, getRequestedFor(urlPathEqualTo(SERVICES + "/lineitems/5/lineitem/results")));
	}

	@Test
	void creatingAColumnIsNotRepeatedOnA5xxAndSaysWhatFailed() {
		moodle.stubFor(post(urlPathEqualTo(SERVICES + "/lineitems")).willReturn(aResponse().withStatus(500).withBody("oops")));
		assertThatThrownBy(() -> ags.createLineItem(registration, base() + SERVICES + "/lineitems?type_id=1",
				new NewLineItem("Capstone", 100, "badgebridge:b:capstone", "badgebridge", null)))
				.isInstanceOf(LmsCallFailed.class).hasMessageContaining(registration.name())
				.hasMessageContaining("POST " + base() + SERVICES + "/lineitems?type_id=1").hasMessageContaining("HTTP 500");
		moodle.verify(1, postRequestedFor(urlPathEqualTo(SERVICES + "/lineitems")));
	}

	@Test
	void createdColumnComesBackWithItsId() {
		moodle.stubFor(post(urlEqualTo(SERVICES + "/lineitems?type_id=1")).withHeader("Content-Type", equalTo(AgsClient.LINEITEM))
				.willReturn(aResponse().withStatus(201).withHeader("Content-Type", AgsClient.LINEITEM)
						.withBody("{\"scoreMaximum\":10,\"label\":\"Capstone\",\"resourceId\":\"badgebridge:b:capstone\",\"tag\":\"badgebridge\",\"id\":\""
								+ lineItemUrl(3) + "\"}")));
		LineItem created = ags.createLineItem(registration, base() + SERVICES + "/lineitems?type_id=1",
				new NewLineItem("Capstone", 10, "badgebridge:b:capstone", "badgebridge", null));
		assertThat(created.id()).isEqualTo(lineItemUrl(3));
		assertThat(created.tag()).isEqualTo("badgebridge");
		assertThat(moodle.findAll(postRequestedFor(urlEqualTo(SERVICES + "/lineitems?type_id=1"))).get(0).getBodyAsString())
				.contains("\"label\":\"Capstone\"", "\"scoreMaximum\":10");
	}

	@Test
	void timeoutsAreRetriedThenReportedWithTheUrl() {
		moodle.stubFor(get(urlPathEqualTo(SERVICES + "/lineitems/7/lineitem")).willReturn(json("{}").withFixedDelay(3000)));
		assertThatThrownBy(() -> ags.lineItem(registration, lineItemUrl(7))).isInstanceOf(LmsCallFailed.class)
				.hasMessageContaining(lineItemUrl(7)).hasMessageContaining("no complete answer within 1 s")
				.matches(ex -> ((LmsCallFailed) ex).status() == 0);
		moodle.verify(4, getRequestedFor(urlPathEqualTo(SERVICES + "/lineitems/7/lineitem")));
	}

	@Test
	void garbageAnswersAreClearErrors() {
		moodle.stubFor(get(urlPathEqualTo(SERVICES + "/lineitems")).willReturn(aResponse().withBody("<html>Moodle error</html>")));
		assertThatThrownBy(() -> ags.lineItems(registration, base() + SERVICES + "/lineitems?type_id=1", AgsClient.LineItemFilter.none()))
				.isInstanceOf(LmsCallFailed.class).hasMessageContaining("not a JSON array");
		moodle.stubFor(get(urlPathEqualTo(SERVICES + "/lineitems/8/lineitem")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatThrownBy(() -> ags.lineItem(registration, lineItemUrl(8))).isInstanceOf(LmsCallFailed.class)
				.hasMessageContaining("after 4 attempts");
	}

	@Test
	void rosterFollowsPagesAndKeepsWhatMoodleShares() {
		String url = base() + "/mod/lti/services.php/CourseSection/2/bindings/1/memberships";
		String fixture = org.badgebridge.support.TestPlatform.fixture("capture_services_before_grades.json");
		String body = fixture.substring(fixture.indexOf("{\"id\":\"http:\\/\\/127.0.0.1:8081\\/mod\\/lti\\/services.php\\/CourseSection"));
		body = body.substring(0, body.indexOf('\n'));
		moodle.stubFor(get(urlEqualTo("/mod/lti/services.php/CourseSection/2/bindings/1/memberships?rlid=1"))
				.withHeader("Accept", equalTo(NrpsClient.MEMBERSHIPS))
				.willReturn(json(body).withHeader("Link", "<" + url + "?rlid=1&limit=3&from=3>; rel=\"next\"")));
		moodle.stubFor(get(urlEqualTo("/mod/lti/services.php/CourseSection/2/bindings/1/memberships?rlid=1&limit=3&from=3"))
				.willReturn(json("{\"id\":\"x\",\"members\":[{\"user_id\":\"7\",\"roles\":[\"http://purl.imsglobal.org/vocab/lis/v2/membership#Learner\"],\"status\":\"Inactive\"}]}")));
		List<Member> members = nrps.members(registration, url, "1");
		assertThat(members).extracting(Member::userId).containsExactly("5", "4", "3", "7");
		assertThat(members.get(0).email()).isEqualTo("student2@example.com");
		assertThat(members.get(0).roles()).containsExactly("Learner");
		assertThat(members.get(3).status()).isEqualTo(Member.Status.Inactive);
		assertThat(members.get(3).name()).isNull();
	}
}
