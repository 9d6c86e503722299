package org.badgebridge.credential;

import java.util.List;
import java.util.Map;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.award.Awards;
import org.badgebridge.claim.ClaimLinks;
import org.badgebridge.verification.internal.BadgeVerifier;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The machine endpoints of Open Badges 3.0 (status lists, keys, context) with their content types and CORS,
 * keys encrypted at rest, the claim page's downloads and visibility switch, what the public pages show of
 * private and public awards, and revocation visible in every format.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CredentialFixtures.class)
class CredentialEndpointsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	Awards awards;

	@Autowired
	ClaimLinks claimLinks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonLdContexts contexts;

	@Autowired
	CredentialKeys keys;

	MockHttpServletResponse fetch(String path) throws Exception {
		return mvc.perform(get(path)).andReturn().getResponse();
	}

	@Test
	void machineEndpointsServeTheRightTypesWithCors() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("sue@example.edu");
		OpenBadges3.Issued issued = ob3.issue(made.award().id());
		Map<String, Object> status = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(issued.json()), "credentialStatus");
		String listPath = ((String) status.get("statusListCredential")).replace("http://localhost:8080", "");

		MockHttpServletResponse list = fetch(listPath);
		assertThat(list.getStatus()).isEqualTo(200);
		assertThat(list.getContentType()).isEqualTo("application/ld+json");
		assertThat(list.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
		Map<String, Object> listJson = JSONObjectUtils.parse(list.getContentAsString());
		assertThat((List<Object>) listJson.get("type")).contains("BitstringStatusListCredential");
		assertThat(fetch("/ob3/status/revocation/999").getStatus()).isEqualTo(404);
		assertThat(fetch("/ob3/status/other/0").getStatus()).isEqualTo(404);

		MockHttpServletResponse jwks = fetch("/ob3/keys");
		assertThat(jwks.getContentType()).isEqualTo("application/jwk-set+json");
		JWKSet set = JWKSet.parse(jwks.getContentAsString());
		assertThat(set.getKeys()).isNotEmpty().allMatch(k -> !k.isPrivate());
		assertThat(jwks.getContentAsString()).doesNotContain("\"d\"", "\"p\"", "\"q\"");

		MockHttpServletResponse context = fetch(CredentialSettings.CONTEXT_PATH);
		assertThat(context.getContentType()).isEqualTo("application/ld+json");
		assertThat(context.getContentAsString()).contains("learningOutcome", "http://localhost:8080/contexts/microcredential-v1.json#");
		assertThat(fetch("/.well-known/did.json").getStatus()).as("no did:web configured").isEqualTo(404);

		assertThat(fetch("/ob3/credentials/" + made.award().id()).getStatus()).as("private award: known, not handed out").isEqualTo(403);
		BadgeVerifier.Report viaVerifier = verifier.verifyText("http://localhost:8080/ob3/credentials/" + made.award().id(), null);
		assertThat(viaVerifier.verdict()).as("the verifier reveals no more than the endpoint").isEqualTo(BadgeVerifier.Verdict.UNKNOWN);
		assertThat(viaVerifier.toString()).doesNotContain("Sue Second");
		awards.setPublic(made.award().id(), true);
		assertThat(verifier.verifyText("http://localhost:8080/ob3/credentials/" + made.award().id(), null).verdict())
				.isEqualTo(BadgeVerifier.Verdict.VALID);
		MockHttpServletResponse credential = fetch("/ob3/credentials/" + made.award().id());
		assertThat(credential.getContentType()).isEqualTo("application/vc");
		assertThat(credential.getContentAsString()).isEqualTo(issued.json());
		assertThat(fetch("/ob3/credentials/" + made.award().id() + "/jwt").getContentAsString()).isEqualTo(issued.jwt());
	}

	@Autowired
	org.badgebridge.badge.Badges badges;

	@Autowired
	BadgePngs pngs;

	@Autowired
	BadgeVerifier verifier;

	@Test
	void theIssuersLogoIsUploadedByTheAdminAndNamedInBothFormats() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("sue@example.edu");
		long issuerId = badges.issuer(made.badge()).id();
		var upload = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/admin/issuers/" + issuerId + "/logo")
				.file(new org.springframework.mock.web.MockMultipartFile("logo", "logo.png", "image/png", pngs.medal()))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("admin",
						"test-admin-password")).with(csrf())).andReturn().getResponse();
		assertThat(upload.getStatus()).isEqualTo(302);
		MockHttpServletResponse logo = fetch("/ob2/issuers/" + issuerId + "/image");
		assertThat(logo.getContentType()).isEqualTo("image/png");
		assertThat(logo.getContentAsByteArray()).isEqualTo(pngs.medal());
		Map<String, Object> issuer = JSONObjectUtils.parse(mvc.perform(get("/ob2/issuers/" + issuerId).header("Accept", "application/ld+json"))
				.andReturn().getResponse().getContentAsString());
		assertThat(issuer).containsEntry("image", "http://localhost:8080/ob2/issuers/" + issuerId + "/image");
		CredentialFixtures.Made later = fixtures.claimedMicroCredential("ben@example.edu"); // credentials minted from now on
		assertThat(badges.issuer(later.badge()).id()).isEqualTo(issuerId);
		OpenBadges3.Issued issued = ob3.issue(later.award().id());
		assertThat(JSONObjectUtils.getJSONObject(JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(issued.json()), "issuer"), "image"))
				.containsEntry("id", "http://localhost:8080/ob2/issuers/" + issuerId + "/image");
		assertThat(verifier.verifyText(issued.json(), null).verdict()).isEqualTo(BadgeVerifier.Verdict.VALID);
		var notAnImage = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/admin/issuers/" + issuerId + "/logo")
				.file(new org.springframework.mock.web.MockMultipartFile("logo", "x.png", "image/png", "nope".getBytes()))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("admin",
						"test-admin-password")).with(csrf())).andReturn();
		String back = notAnImage.getResponse().getRedirectedUrl();
		assertThat(back).startsWith("/admin/issuers?n=");
		assertThat(mvc.perform(get(back).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.httpBasic("admin", "test-admin-password"))).andReturn().getResponse().getContentAsString()).contains("not a PNG or SVG");
		assertThat(fetch("/ob2/issuers/" + issuerId + "/image").getContentAsByteArray()).as("the old logo kept").isEqualTo(pngs.medal());
	}

	@Test
	void privateKeysAreEncryptedAtRest() {
		keys.ed25519();
		keys.rsa();
		List<String> stored = jdbc.sql("select private_encrypted from credential_key").query(String.class).list();
		assertThat(stored).isNotEmpty().allMatch(s -> s.startsWith("v1.") && !s.contains("\"d\"") && !s.contains("PRIVATE"));
		String kid = jdbc.sql("select kid from credential_key where algorithm='RS256'").query(String.class).list().get(0);
		String value = jdbc.sql("select private_encrypted from credential_key where kid=?").param(kid).query(String.class).single();
		org.badgebridge.infrastructure.KeyEncryptionProbe.assertWrongKeyFails(value, kid);
	}

	@Test
	void ourContextDefinesEveryTermAndOb2ExpandsWithoutUndefinedTerms() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("sue@example.edu");
		OpenBadges3.Issued issued = ob3.issue(made.award().id());
		assertThat(contexts.undefinedTerms(DataIntegrity.parse(issued.json()))).isEmpty();
		assertThat(issued.json()).contains("\"learningOutcome\"", "\"qualityAssurance\"", "\"participation\"", "\"assessmentType\"",
				"\"achievementType\":\"MicroCredential\"", "\"creditsAvailable\":5", "http://data.europa.eu/snb/eqf/6",
				"\"addressCountryCode\":\"NL\"");

		awards.setPublic(made.award().id(), true);
		for (String path : List.of("/ob2/assertions/" + made.award().id(), "/ob2/badges/" + made.badge().id())) {
			String json = mvc.perform(get(path).header("Accept", "application/ld+json")).andReturn().getResponse().getContentAsString();
			jakarta.json.JsonObject doc = DataIntegrity.parse(json);
			assertThat(contexts.undefinedTerms(doc)).as(path).isEmpty();
			if (path.startsWith("/ob2/badges/")) {
				assertThat(json).contains("http://data.europa.eu/snb/eqf/6", "micro-credential");
			}
			assertThat(JsonLd.expand(JsonDocument.of(doc)).loader(contexts).get()).as(path).isNotEmpty();
		}
		String withTypo = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"id\":\"https://x/a\",\"issuedOnn\":\"2025\"}";
		assertThat(contexts.undefinedTerms(DataIntegrity.parse(withTypo))).as("the check itself finds a typo").containsExactly("issuedOnn");
	}

	@Test
	void claimPageHandsOutTheCredentialAndTheLearnerChoosesVisibility() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("sue@example.edu");
		// the claim mail (and its link) is made after the award commits; ours must come later
		await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from mail_outbox where dedup_key=?")
				.param("claim:" + made.award().id()).query(Integer.class).single() > 0);
		String token = ClaimLinks.newToken();
		claimLinks.store(made.award().id(), token, claimLinks.expiryFromNow());

		String page = fetch("/claim/" + token).getContentAsString();
		assertThat(page).contains("id=\"open-backpack\"", "id=\"share-in-backpack\"").doesNotContain("id=\"download-json\"",
				"id=\"toggle-visibility\"");
		for (String kind : new String[] { "json", "jwt", "png" }) {
			MockHttpServletResponse refused = fetch("/claim/" + token + "/credential." + kind);
			assertThat(refused.getStatus()).as("a claimed credential's files need the backpack's sign-in").isEqualTo(303);
			assertThat(refused.getRedirectedUrl()).isEqualTo("/backpack/awards/" + made.award().id() + "/credential." + kind);
			assertThat(refused.getContentAsByteArray()).isEmpty();
			assertThat(fetch(refused.getRedirectedUrl()).getRedirectedUrl()).isEqualTo("/backpack/sign-in");
		}
		assertThat(fetch("/claim/not-a-valid-token-at-all-xxxxxx/credential.json").getStatus()).isEqualTo(404);

		String verify = fetch("/verify/" + made.award().id()).getContentAsString();
		assertThat(verify).doesNotContain("Sue Second", "Met:", "Awarded by a teacher").contains("Private:");
		Map<String, Object> assertion = JSONObjectUtils.parse(mvc.perform(get("/ob2/assertions/" + made.award().id())
				.header("Accept", "application/ld+json")).andReturn().getResponse().getContentAsString());
		assertThat(assertion).doesNotContainKey("evidence");

		jakarta.servlet.http.Cookie holder = org.badgebridge.support.CourseActors.backpackSessionForAward(jdbc, made.award().id());
		String backpack = "/backpack/awards/" + made.award().id();
		mvc.perform(post(backpack + "/visibility").param("public", "true").cookie(holder).with(csrf()));
		assertThat(awards.find(made.award().id()).orElseThrow().publicVisible()).isTrue();
		verify = fetch("/verify/" + made.award().id()).getContentAsString();
		assertThat(verify).contains("Sue Second", "Awarded by a teacher: Final project passed", "id=\"ob3-link\"");
		assertThat(mvc.perform(get("/ob2/assertions/" + made.award().id()).header("Accept", "application/ld+json")).andReturn()
				.getResponse().getContentAsString()).contains("\"evidence\"", "Final project passed");

		mvc.perform(post(backpack + "/visibility").param("public", "false").cookie(holder).with(csrf()));
		assertThat(fetch("/verify/" + made.award().id()).getContentAsString()).doesNotContain("Sue Second");
	}

	@Test
	void revocationIsVisibleInEveryFormat() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("sue@example.edu");
		OpenBadges3.Issued issued = ob3.issue(made.award().id());
		awards.revoke(made.award().id(), "teacher:3", "Plagiarism found");

		assertThat(fetch("/verify/" + made.award().id()).getContentAsString()).contains("Revoked on").doesNotContain("Plagiarism found");
		MockHttpServletResponse unknown = fetch("/verify/00000000-0000-0000-0000-000000000000");
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getContentAsString()).contains("Unknown: this tool has no record");
		MockHttpServletResponse assertion = mvc.perform(get("/ob2/assertions/" + made.award().id()).header("Accept", "application/ld+json"))
				.andReturn().getResponse();
		assertThat(assertion.getStatus()).isEqualTo(410);
		assertThat(assertion.getContentAsString()).contains("\"revoked\":true").doesNotContain("Plagiarism found");
		String issuerPath = JSONObjectUtils.parse(mvc.perform(get("/ob2/badges/" + made.badge().id()).header("Accept", "application/ld+json"))
				.andReturn().getResponse().getContentAsString()).get("issuer").toString().replace("http://localhost:8080", "");
		assertThat(mvc.perform(get(issuerPath + "/revocations").header("Accept", "application/ld+json")).andReturn().getResponse()
				.getContentAsString()).contains("/ob2/assertions/" + made.award().id()).doesNotContain("Plagiarism found");

		Map<String, Object> entry = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(issued.json()), "credentialStatus");
		int index = Integer.parseInt((String) entry.get("statusListIndex"));
		String list = fetch(((String) entry.get("statusListCredential")).replace("http://localhost:8080", "")).getContentAsString();
		String encoded = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(list), "credentialSubject").get("encodedList").toString();
		byte[] bits = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
				java.util.Base64.getUrlDecoder().decode(encoded.substring(1)))).readAllBytes();
		assertThat(bits).hasSize(StatusLists.SIZE / 8);
		assertThat(bits[index / 8] & (0x80 >>> (index % 8))).as("revocation bit").isNotZero();
		int set = 0;
		for (byte b : bits) {
			set += Integer.bitCount(b & 0xff);
		}
		assertThat(set).as("only revoked credentials are set").isEqualTo(jdbc.sql(
				"select count(*) from ob3_credential o join award a on a.id=o.award_id where a.revoked_at is not null and o.status_index < ?")
				.param(StatusLists.SIZE).query(Integer.class).single());
	}
}
