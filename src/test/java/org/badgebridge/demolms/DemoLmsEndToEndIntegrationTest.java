package org.badgebridge.demolms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.Registrations;
import org.badgebridge.platform.ToolKeys;
import org.badgebridge.support.FreePort;
import org.badgebridge.support.DemoServerTest;
import org.badgebridge.support.HttpBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo LMS and the tool over real HTTP, on two sites (127.0.0.1 and localhost): Dynamic Registration at
 * start, a teacher adding a badge by Deep Linking, learner and teacher launches, and the demo's AGS/NRPS
 * behaving like Moodle's.
 */
class DemoLmsEndToEndIntegrationTest extends DemoServerTest {


	@Autowired
	Registrations registrations;

	@Autowired
	ToolKeys toolKeys;


	Registration awaitRegistration() throws InterruptedException {
		org.awaitility.Awaitility.await("the demo LMS registers the tool").atMost(java.time.Duration.ofSeconds(60))
				.until(() -> !registrations.byIssuer(demo).isEmpty());
		return registrations.byIssuer(demo).get(0);
	}

	@Test
	void teacherAddsABadgeByDeepLinkingAndBothRolesLaunchIt() throws Exception {
		Registration registration = awaitRegistration();
		assertThat(registration.state()).as("the demo issuer is auto-approved").isEqualTo(RegistrationState.ACTIVE);
		assertThat(registration.deployments()).extracting(d -> d.deploymentId()).containsExactly("1");

		HttpBrowser teacher = new HttpBrowser();
		HttpBrowser.Page picker = teacher.settle(teacher.get(demo + "/initiate?user=101&dl=1"));
		assertThat(picker.uri().toString()).isEqualTo("http://localhost:" + PORT + "/lti/deep-linking");
		assertThat(picker.body()).contains("Create a new badge");
		String badgeName = "Badge " + UUID.randomUUID().toString().substring(0, 6);
		HttpBrowser.Page response = teacher.submit(picker, "create-badge", Map.of("name", badgeName, "description", "E2E"));
		HttpBrowser.Page added = teacher.settle(response);
		assertThat(added.uri().toString()).isEqualTo(demo + "/deep-linking/return");
		assertThat(added.body()).contains("Added: " + badgeName);

		HttpBrowser.Page course = teacher.get(demo);
		Matcher link = Pattern.compile("launch\\?user=201&amp;link=(\\d+)").matcher(course.body());
		long linkId = -1;
		while (link.find()) {
			linkId = Long.parseLong(link.group(1));
		}
		assertThat(linkId).isPositive();

		HttpBrowser learner = new HttpBrowser();
		HttpBrowser.Page learnerPage = learner.settle(learner.get(demo + "/initiate?user=201&link=" + linkId));
		assertThat(learnerPage.status()).isEqualTo(200);
		assertThat(learnerPage.body()).contains("id=\"learner-view\"", badgeName, "Hello Ana Li");
		assertThat(learnerPage.body()).contains("<html lang=\"en\"", "Skip to main content");

		// the course in Dutch: the demo's launches say launch_presentation.locale "nl", and the tool answers in Dutch
		HttpBrowser.Page dutchCourse = teacher.get(demo + "/?lang=nl");
		assertThat(dutchCourse.body()).contains("launch?user=201&amp;link=" + linkId + "&amp;lang=nl",
				"<option value=\"nl\" selected=\"selected\">");
		HttpBrowser dutchLearner = new HttpBrowser();
		HttpBrowser.Page dutchPage = dutchLearner.settle(dutchLearner.get(demo + "/initiate?user=201&link=" + linkId + "&lang=nl"));
		assertThat(dutchPage.status()).isEqualTo(200);
		assertThat(dutchPage.body()).contains("id=\"learner-view\"", "<html lang=\"nl\"", "Naar de hoofdinhoud")
				.doesNotContain("Skip to main content");

		HttpBrowser.Page teacherPage = teacher.settle(teacher.get(demo + "/initiate?user=101&link=" + linkId));
		assertThat(teacherPage.body()).contains("id=\"teacher-view\"", badgeName);

		// the link's column exists in the demo's gradebook, found by its resourceId and tag through AGS
		String token = accessToken(registration, "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly "
				+ "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem https://purl.imsglobal.org/spec/lti-ags/scope/score "
				+ "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly");
		String items = lineItemsUrl(registration) + "&tag=badgebridge";
		HttpResponse<String> listed = send(HttpRequest.newBuilder(URI.create(items)).header("Authorization", "Bearer " + token)
				.header("Accept", "application/vnd.ims.lis.v2.lineitemcontainer+json").GET().build());
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.headers().firstValue("Content-Type")).hasValue("application/vnd.ims.lis.v2.lineitemcontainer+json");
		assertThat(listed.body()).contains("\"label\":\"" + badgeName + "\"", "\"resourceId\":\"badgebridge:", "\"resourceLinkId\":\"" + linkId + "\"")
				.doesNotContain("Attendance");
	}

	@Test
	void demoServicesAreAsStrictAsMoodle() throws Exception {
		Registration registration = awaitRegistration();
		String token = accessToken(registration, "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem "
				+ "https://purl.imsglobal.org/spec/lti-ags/scope/score https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly "
				+ "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
		String container = lineItemsUrl(registration);
		assertThat(container).contains("?type_id=");
		// wrong Accept: 400, as Moodle
		assertThat(send(HttpRequest.newBuilder(URI.create(container)).header("Authorization", "Bearer " + token)
				.header("Accept", "application/json").GET().build()).statusCode()).isEqualTo(400);
		// no token: 401
		assertThat(send(HttpRequest.newBuilder(URI.create(container)).header("Accept",
				"application/vnd.ims.lis.v2.lineitemcontainer+json").GET().build()).statusCode()).isEqualTo(401);
		// Content-Type with a charset: 400, as Moodle
		HttpResponse<String> charset = send(HttpRequest.newBuilder(URI.create(container)).header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/vnd.ims.lis.v2.lineitem+json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"x\",\"scoreMaximum\":10}")).build());
		assertThat(charset.statusCode()).isEqualTo(400);
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(container)).header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/vnd.ims.lis.v2.lineitem+json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"Assessed " + i + "\",\"scoreMaximum\":10,\"tag\":\"e2e\"}")).build());
			assertThat(created.statusCode()).isEqualTo(201);
		}
		HttpResponse<String> page1 = send(HttpRequest.newBuilder(URI.create(container + "&tag=e2e&limit=1"))
				.header("Authorization", "Bearer " + token).header("Accept", "application/vnd.ims.lis.v2.lineitemcontainer+json")
				.GET().build());
		String linkHeader = page1.headers().firstValue("Link").orElseThrow();
		// the bytes on the wire are UTF-8 curly quotes, as Moodle sends them
		assertThat(new String(linkHeader.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), java.nio.charset.StandardCharsets.UTF_8))
				.contains("rel=\u201Cnext\u201D", "type_id=", "from=1");
		String itemUrl = (String) ((Map<?, ?>) com.nimbusds.jose.util.JSONArrayUtils.parse(page1.body()).get(0)).get("id");
		assertThat(itemUrl).contains("/lineitem?type_id=");
		String scores = itemUrl.replace("/lineitem?", "/lineitem/scores?");
		String wrongScores = itemUrl + "/scores";
		String score = "{\"userId\":\"201\",\"scoreGiven\":8,\"scoreMaximum\":10,\"activityProgress\":\"Completed\","
				+ "\"gradingProgress\":\"FullyGraded\",\"timestamp\":\"%s\"}";
		String now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString();
		assertThat(send(HttpRequest.newBuilder(URI.create(wrongScores)).header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/vnd.ims.lis.v1.score+json")
				.POST(HttpRequest.BodyPublishers.ofString(score.formatted(now))).build()).statusCode()).as("scores after the query")
				.isNotEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(URI.create(scores)).header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/vnd.ims.lis.v1.score+json")
				.POST(HttpRequest.BodyPublishers.ofString(score.formatted(now))).build()).statusCode()).isEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(URI.create(scores)).header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/vnd.ims.lis.v1.score+json")
				.POST(HttpRequest.BodyPublishers.ofString(score.formatted(now))).build()).statusCode()).as("not newer").isEqualTo(409);
		assertThat(send(HttpRequest.newBuilder(URI.create(scores)).header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/vnd.ims.lis.v1.score+json")
				.POST(HttpRequest.BodyPublishers.ofString(score.formatted(now).replace("\"201\"", "\"101\""))).build()).statusCode())
				.as("teachers are not gradable").isEqualTo(400);
		HttpResponse<String> results = send(HttpRequest.newBuilder(URI.create(itemUrl.replace("/lineitem?", "/lineitem/results?")))
				.header("Authorization", "Bearer " + token).header("Accept", "application/vnd.ims.lis.v2.resultcontainer+json").GET().build());
		assertThat(results.body()).contains("\"userId\":\"201\"", "\"resultScore\":8.0");

		String members = lineItemsUrl(registration).replaceAll("/services/\\d+/lineitems\\?type_id=(.*)",
				"/services/CourseSection/1/bindings/$1/memberships");
		HttpResponse<String> roster = send(HttpRequest.newBuilder(URI.create(members + "?limit=2")).header("Authorization", "Bearer " + token)
				.header("Accept", "application/vnd.ims.lti-nrps.v2.membershipcontainer+json").GET().build());
		assertThat(roster.statusCode()).isEqualTo(200);
		assertThat(roster.headers().firstValue("Link").orElseThrow()).contains("rel=\"next\"");
		assertThat(roster.body()).contains("\"user_id\":\"101\"", "membership#Instructor");
	}

	String lineItemsUrl(Registration registration) {
		return demo + "/services/1/lineitems?type_id=" + registration.clientId();
	}

	/** The client_credentials grant with a JWT assertion signed by the tool's key (RFC 7523). */
	String accessToken(Registration registration, String scopes) throws Exception {
		long now = System.currentTimeMillis();
		String assertion = toolKeys.sign(new JWTClaimsSet.Builder().issuer(registration.clientId()).subject(registration.clientId())
				.audience(registration.effectiveTokenAudience()).issueTime(new Date(now)).expirationTime(new Date(now + 300_000))
				.jwtID(UUID.randomUUID().toString()).build());
		String form = "grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
				+ "&client_assertion=" + assertion + "&scope=" + java.net.URLEncoder.encode(scopes, java.nio.charset.StandardCharsets.UTF_8);
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(registration.tokenEndpoint()))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return (String) JSONObjectUtils.parse(response.body()).get("access_token");
	}

	static HttpResponse<String> send(HttpRequest request) throws Exception {
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}
}
