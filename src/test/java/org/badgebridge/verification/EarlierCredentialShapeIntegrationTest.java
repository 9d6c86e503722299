package org.badgebridge.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import org.badgebridge.award.Awards;
import org.badgebridge.credential.AchievementCredentialSchema;
import org.badgebridge.credential.CredentialFixtures;
import org.badgebridge.credential.CredentialKeys;
import org.badgebridge.credential.DataIntegrity;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.verification.internal.BadgeVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials handed out before they took 1EdTech's schema (a status entry in each list, the learner's name in plain
 * text, one proof object) stay verifiable with their status following the award, and the next download issues the
 * credential again in today's shape, with the same id and status index.
 */
@SpringBootTest(properties = "badgebridge.verify.allowed-hosts=127.0.0.1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CredentialFixtures.class)
class EarlierCredentialShapeIntegrationTest {

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	BadgeVerifier verifier;

	@Autowired
	DataIntegrity integrity;

	@Autowired
	CredentialKeys keys;

	@Autowired
	Awards awards;

	@Autowired
	JdbcClient jdbc;

	@Test
	@SuppressWarnings("unchecked")
	void anEarlierCredentialStaysVerifiableAndTheNextDownloadIssuesItAgainInTodaysShape() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("early@example.edu");
		String awardId = made.award().id();
		OpenBadges3.Issued minted = ob3.issue(awardId);
		String earlier = earlierShape(minted.json(), made.award().recipientName());
		assertThat(AchievementCredentialSchema.violations(earlier)).as("the earlier shape is what the schema refuses")
				.anyMatch(v -> v.startsWith("/credentialStatus")).anyMatch(v -> v.startsWith("/proof"));
		jdbc.sql("update ob3_credential set credential_json=? where award_id=?").params(earlier, awardId).update();

		BadgeVerifier.Report before = verifier.verifyText(earlier, null);
		assertThat(before.verdict()).as(before.toString()).isEqualTo(BadgeVerifier.Verdict.VALID);
		assertThat(before.recipient()).isEqualTo(made.award().recipientName());
		assertThat(before.checks()).anyMatch(c -> "Status (suspension)".equals(c.what()) && Boolean.TRUE.equals(c.ok()));

		OpenBadges3.Issued renewed = ob3.issue(awardId);
		assertThat(renewed.json()).isNotEqualTo(earlier);
		assertThat(AchievementCredentialSchema.violations(renewed.json())).isEmpty();
		assertThat(renewed.credentialId()).isEqualTo(minted.credentialId());
		assertThat(renewed.statusIndex()).isEqualTo(minted.statusIndex());
		assertThat(JSONObjectUtils.parse(renewed.json()).get("credentialStatus")).isInstanceOf(Map.class);
		assertThat(renewed.json()).doesNotContain(made.award().recipientName());
		assertThat(ob3.find(awardId).orElseThrow().json()).as("stored").isEqualTo(renewed.json());
		assertThat(ob3.issue(awardId).json()).as("issued again once").isEqualTo(renewed.json());
		assertThat(verifier.verifyText(renewed.json(), null).verdict()).isEqualTo(BadgeVerifier.Verdict.VALID);
		assertThat(verifier.verifyText(renewed.jwt(), null).verdict()).isEqualTo(BadgeVerifier.Verdict.VALID);

		awards.suspend(awardId, "teacher:3", "Appeal under review");
		assertThat(verifier.verifyText(earlier, null).verdict()).as("by its suspension list").isEqualTo(BadgeVerifier.Verdict.SUSPENDED);
		BadgeVerifier.Report suspended = verifier.verifyText(renewed.json(), null);
		assertThat(suspended.verdict()).as("by the issuer's records").isEqualTo(BadgeVerifier.Verdict.SUSPENDED);
		awards.reinstate(awardId, "teacher:3");
		assertThat(verifier.verifyText(earlier, null).verdict()).isEqualTo(BadgeVerifier.Verdict.VALID);
		awards.revoke(awardId, "teacher:3", "Issued in error");
		assertThat(verifier.verifyText(earlier, null).verdict()).isEqualTo(BadgeVerifier.Verdict.REVOKED);
		assertThat(verifier.verifyText(renewed.json(), null).verdict()).isEqualTo(BadgeVerifier.Verdict.REVOKED);
		assertThat(ob3.issue(awardId).json()).as("a revoked award's stored credential is not issued again").isEqualTo(renewed.json());
	}

	/** The credential as the tool issued it before: both status entries, the name in plain text, one proof object. */
	@SuppressWarnings("unchecked")
	private String earlierShape(String json, String name) throws Exception {
		Map<String, Object> c = JSONObjectUtils.parse(json);
		c.remove("proof");
		Map<String, Object> revocation = (Map<String, Object>) c.get("credentialStatus");
		Map<String, Object> suspension = new LinkedHashMap<>();
		revocation.forEach((k, v) -> suspension.put(k, v instanceof String s ? s.replace("revocation", "suspension") : v));
		c.put("credentialStatus", List.of(revocation, suspension));
		Map<String, Object> subject = (Map<String, Object>) c.get("credentialSubject");
		List<Object> identifiers = new ArrayList<>((List<Object>) subject.get("identifier"));
		identifiers.add(Map.of("type", "IdentityObject", "identityHash", name, "identityType", "name", "hashed", false));
		subject.put("identifier", identifiers);
		return integrity.sign(JSONObjectUtils.toJSONString(c), keys.ed25519(), Instant.now()).toString();
	}
}
