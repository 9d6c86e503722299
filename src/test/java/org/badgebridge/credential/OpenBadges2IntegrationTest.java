package org.badgebridge.credential;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Open Badges 2.0 hosted objects: each id is the URL it is served at, the recipient is a salted hash, revocation
 * shows in the assertion and in the issuer's revocation list, browsers get a page, and the baked PNG carries
 * the assertion in an iTXt chunk "openbadges".
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OpenBadges2IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	@Autowired
	Courses courses;

	@Autowired
	Badges badges;

	@Autowired
	Awards awards;

	@Autowired
	org.badgebridge.badge.BadgeImages images;

	@Test
	void hashedIdentityMatchesTheSpecificationsTestVector() {
		assertThat(OpenBadges2.hashedIdentity("Alice@Example.org", "deadsea"))
				.isEqualTo("sha256$c934fdacc6242be0277a284970416aa9bfa583241fb85094bc96c504ee0abd4e");
	}

	Map<String, Object> json(String path) throws Exception {
		var response = mvc.perform(get(path).header("Accept", "application/ld+json")).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/ld+json");
		assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
		Map<String, Object> o = JSONObjectUtils.parse(response.getContentAsString());
		assertThat(o.get("@context")).isEqualTo("https://w3id.org/openbadges/v2");
		assertThat(o.get("id")).as("id is the URL served").isEqualTo("http://localhost:8080" + path);
		return o;
	}

	@Test
	void awardIsAHostedAssertionWithIssuerBadgeClassRevocationAndBakedPng() throws Exception {
		String issuerName = "https://ob2-" + System.nanoTime() + ".example.edu";
		Registration r = registrations.create(new RegistrationValues("LMS", issuerName, "c", "moodle", issuerName + "/auth",
				issuerName + "/token", null, issuerName + "/jwks", null, List.of("1"), RegistrationState.ACTIVE), "test");
		long contextId = courses.recordLaunch(new LaunchFacts(r.id(), "1", "2", "C", "Course", "5", "Sue Second",
				"Sue@Example.edu", "en", List.of("Learner"), CourseRole.LEARNER, "1", "Link", null, null, null, null, null)).contextId();
		BadgeClass badge = badges.create("Data Literacy", "Reads data", contextId, "3");
		Award award = awards.awardByHand(badge.id(), "5", "teacher:3", "Final project passed").orElseThrow();

		Map<String, Object> assertion = json("/ob2/assertions/" + award.id());
		assertThat(assertion.get("type")).isEqualTo("Assertion");
		Map<String, Object> recipient = JSONObjectUtils.getJSONObject(assertion, "recipient");
		assertThat(recipient.get("hashed")).isEqualTo(true);
		assertThat(recipient.get("identity")).isEqualTo(OpenBadges2.hashedIdentity("sue@example.edu", (String) recipient.get("salt")));
		assertThat(assertion.toString()).as("private by default: no name, no email").doesNotContain("Sue", "example.edu\"");
		assertThat(JSONObjectUtils.getJSONObject(assertion, "verification")).containsEntry("type", "hosted");
		assertThat(assertion).containsKey("issuedOn").doesNotContainKey("revoked");
		assertThat(json("/ob2/assertions/" + award.id()).get("recipient")).as("stable salt").isEqualTo(assertion.get("recipient"));

		String badgePath = ((String) assertion.get("badge")).replace("http://localhost:8080", "");
		Map<String, Object> badgeClass = json(badgePath);
		assertThat(badgeClass).containsEntry("type", "BadgeClass").containsEntry("name", "Data Literacy");
		String issuerPath = ((String) badgeClass.get("issuer")).replace("http://localhost:8080", "");
		Map<String, Object> issuer = json(issuerPath);
		assertThat(issuer).containsEntry("type", "Issuer").containsKey("name");
		assertThat(mvc.perform(get(badgePath + "/image")).andReturn().getResponse().getContentType()).isEqualTo("image/png");

		byte[] baked = mvc.perform(get("/ob2/assertions/" + award.id() + "/baked.png")).andReturn().getResponse().getContentAsByteArray();
		assertThat(ImageIO.read(new ByteArrayInputStream(baked))).as("still a PNG").isNotNull();
		Map<String, Object> inside = JSONObjectUtils.parse(PngBaking.read(baked, "openbadges").orElseThrow());
		assertThat(inside.get("id")).isEqualTo(assertion.get("id"));
		assertThat(PngBaking.read(PngBaking.bake(baked, "openbadges", "{\"id\":\"x\"}"), "openbadges")).as("re-baking replaces")
				.hasValue("{\"id\":\"x\"}");

		assertThat(mvc.perform(get("/ob2/assertions/" + award.id() + "/baked.svg")).andReturn().getResponse().getStatus())
				.as("no SVG image: no baked SVG").isEqualTo(404);
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>";
		images.store(badge.id(), svg.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		byte[] bakedSvg = mvc.perform(get("/ob2/assertions/" + award.id() + "/baked.svg")).andReturn().getResponse().getContentAsByteArray();
		String bakedText = new String(bakedSvg, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(bakedText).contains("xmlns:openbadges=\"http://openbadges.org\"", "<openbadges:assertion verify=\"" + assertion.get("id"));
		assertThat(JSONObjectUtils.parse(SvgBaking.read(bakedSvg).orElseThrow()).get("id")).isEqualTo(assertion.get("id"));
		javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
		f.setNamespaceAware(true);
		assertThat(f.newDocumentBuilder().parse(new ByteArrayInputStream(bakedSvg)).getDocumentElement().getLocalName())
				.as("still well-formed SVG").isEqualTo("svg");

		var browser = mvc.perform(get("/ob2/assertions/" + award.id()).header("Accept", "text/html,application/xhtml+xml"))
				.andReturn().getResponse();
		assertThat(browser.getStatus()).isEqualTo(303);
		assertThat(browser.getHeader("Location")).isEqualTo("/verify/" + award.id());
		String page = mvc.perform(get("/verify/" + award.id())).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"status\"", "Valid", "Data Literacy").doesNotContain("Sue", "sue@");

		awards.revoke(award.id(), "teacher:3", "Issued by mistake");
		var gone = mvc.perform(get("/ob2/assertions/" + award.id()).header("Accept", "application/ld+json")).andReturn().getResponse();
		assertThat(gone.getStatus()).as("a revoked hosted assertion is gone (Open Badges 2.0)").isEqualTo(410);
		assertThat(gone.getContentType()).isEqualTo("application/ld+json");
		assertThat(gone.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
		Map<String, Object> revoked = JSONObjectUtils.parse(gone.getContentAsString());
		assertThat(revoked).containsEntry("@context", "https://w3id.org/openbadges/v2")
				.containsEntry("id", "http://localhost:8080/ob2/assertions/" + award.id()).containsEntry("revoked", true)
				.as("reasons are never public").doesNotContainKeys("revocationReason", "recipient");
		assertThat(gone.getContentAsString()).doesNotContain("Issued by mistake");
		Map<String, Object> list = json(((String) issuer.get("revocationList")).replace("http://localhost:8080", ""));
		assertThat(list.get("type")).isEqualTo("RevocationList");
		assertThat(list.get("revokedAssertions").toString()).contains(award.id()).doesNotContain("Issued by mistake");
		assertThat(mvc.perform(get("/verify/" + award.id())).andReturn().getResponse().getContentAsString())
				.contains("Revoked on").doesNotContain("Issued by mistake");
		assertThat(mvc.perform(get("/ob2/assertions/unknown")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}
}
