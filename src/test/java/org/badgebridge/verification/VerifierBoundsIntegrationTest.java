package org.badgebridge.verification;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.credential.CredentialFixtures;
import org.badgebridge.credential.DataIntegrity;
import org.badgebridge.credential.Multikeys;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.support.Csrf;
import org.badgebridge.verification.internal.BadgeVerifier;
import org.badgebridge.verification.internal.BadgeVerifier.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * "Verify a badge" under attack: a small credential whose blank nodes all link to each other (exponential to
 * canonicalise) is stopped by the bounds and reported as not checked, while our own credentials still verify;
 * the verdict is VALID only after a signature verified (fail closed); and each address may check a limited
 * number of badges per minute. A deeply nested SVG is refused with a reason.
 */
@SpringBootTest(properties = "badgebridge.verify.rate-limit-per-minute=3")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CredentialFixtures.class)
class VerifierBoundsIntegrationTest {

	@Autowired
	BadgeVerifier verifier;

	@Autowired
	DataIntegrity integrity;

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	MockMvc mvc;

	/** An Open Badges 3.0 credential of a did:key issuer with nine blank nodes, each linking to all the others. */
	static Map<String, Object> poison(String did) {
		List<Map<String, Object>> nodes = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			List<Map<String, Object>> links = new ArrayList<>();
			for (int j = 0; j < 9; j++) {
				if (j != i) {
					links.add(Map.of("@id", "_:n" + j));
				}
			}
			nodes.add(Map.of("@id", "_:n" + i, "https://e.x/k", links));
		}
		return OtherIssuers.credential(did, "Poison University", Map.of("id", "urn:uuid:5d1f0a2e-1f7b-4a55-9a53-0b8d1e6a0c98", "type",
				List.of("AchievementSubject"), "achievement", Map.of("id", "https://other.example/achievements/9", "type",
						List.of("Achievement"), "name", "Knots", "description", "Knots", "criteria", Map.of("narrative", "Tied")),
				"https://e.x/n", nodes));
	}

	@Test
	void aCredentialOfInterlinkedBlankNodesCannotBeCheckedWhileOursStillVerify() throws Exception {
		OtherIssuers.Issuer other = OtherIssuers.didKey();
		String did = other.did();
		Map<String, Object> credential = poison(did);
		byte[] signature = new byte[64];
		new SecureRandom().nextBytes(signature);
		credential.put("proof", Map.of("type", "DataIntegrityProof", "cryptosuite", "eddsa-rdfc-2022", "created", "2025-01-01T00:00:00Z",
				"verificationMethod", did + "#" + did.substring("did:key:".length()), "proofPurpose", "assertionMethod",
				"proofValue", Multikeys.base58btc(signature)));
		String json = JSONObjectUtils.toJSONString(credential);
		assertThat(json.length()).as("a small credential").isBetween(2_000, 3_000);

		long started = System.nanoTime();
		BadgeVerifier.Report report = verifier.verifyText(json, null);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.UNKNOWN);
		assertThat(report.summary()).contains("could not be checked", "too complex")
				.containsPattern("canonicalising its \\d+ blank nodes took more than \\d+ steps");
		assertThat(took).as("a guard only: the step bound stops it long before").isLessThan(Duration.ofSeconds(2));

		// our own signing is bounded the same way
		assertThatThrownBy(() -> integrity.sign(JSONObjectUtils.toJSONString(poison(did)), other.key(), Instant.parse("2025-01-01T00:00:00Z")))
				.isInstanceOf(DataIntegrity.SigningFailed.class).hasMessageContaining("too complex");

		OpenBadges3.Issued ours = ob3.issue(fixtures.claimedMicroCredential("bounded@example.edu").award().id());
		BadgeVerifier.Report genuine = verifier.verifyText(ours.json(), null);
		assertThat(genuine.verdict()).as(genuine.toString()).isEqualTo(Verdict.VALID);
	}

	@Test
	void onlyAPositiveSignatureCheckMakesACredentialValid() {
		OpenBadges3.Issued ours = ob3.issue(fixtures.claimedMicroCredential("closed@example.edu").award().id());
		assertThat(verifier.verifyText(ours.json(), null).verdict()).isEqualTo(Verdict.VALID);

		String otherKind = ours.json().replace("\"DataIntegrityProof\"", "\"Ed25519Signature2020\"");
		BadgeVerifier.Report unknownProof = verifier.verifyText(otherKind, null);
		assertThat(unknownProof.verdict()).as(unknownProof.toString()).isEqualTo(Verdict.UNKNOWN);
		assertThat(unknownProof.summary()).startsWith("Could not be checked").contains("Ed25519Signature2020");
		assertThat(unknownProof.checks()).anyMatch(c -> c.what().equals("Signature") && c.ok() == null);

		assertThat(ours.json()).contains("\"proof\":[{");
		BadgeVerifier.Report twoProofs = verifier.verifyText(ours.json().replaceFirst("\"proof\":\\[(\\{[^}]*\\})\\]", "\"proof\":[$1,$1]"), null);
		assertThat(twoProofs.verdict()).as(twoProofs.toString()).isEqualTo(Verdict.UNKNOWN);

		String unsigned = ours.json().replaceFirst(",?\"proof\":\\[\\{[^}]*\\}\\]", "");
		assertThat(verifier.verifyText(unsigned, null).verdict()).as("no proof at all: not valid").isEqualTo(Verdict.INVALID);
	}

	@Test
	void aDeeplyNestedSvgIsRefusedWithAReasonNotAStackOverflow() throws Exception {
		int levels = 150_000;
		String deep = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">"
				+ "<openbadges:credential>" + "<g>".repeat(levels) + "</g>".repeat(levels) + "</openbadges:credential></svg>";
		BadgeVerifier.Report report = verifier.verifyFile(deep.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
		assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN);
		assertThat(report.summary()).contains("more than 64 levels deep");
	}

	@Test
	void eachAddressMayCheckALimitedNumberOfBadgesPerMinute() throws Exception {
		// the limit counts per clock minute: start early in one so that all four requests fall into it
		await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().getEpochSecond() % 60 < 45);
		for (int i = 0; i < 3; i++) {
			assertThat(check("198.51.100.7").getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = check("198.51.100.7");
		assertThat(refused.getStatus()).isEqualTo(429);
		int retryAfter = Integer.parseInt(refused.getHeader("Retry-After"));
		assertThat(retryAfter).isBetween(1, 60);
		assertThat(refused.getContentType()).startsWith("text/html");
		assertThat(refused.getContentAsString()).contains("id=\"limited\"", "Try again in " + retryAfter + " second")
				.doesNotContain("id=\"verdict\"");
		assertThat(check("198.51.100.8").getStatus()).as("another address has its own allowance").isEqualTo(200);
	}

	private MockHttpServletResponse check(String address) throws Exception {
		return mvc.perform(post("/verify").param("text", "{\"not\":\"a badge\"}").with(Csrf.csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		})).andReturn().getResponse();
	}
}
