package org.badgebridge.credential;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Open Badges 3.0 credentials: minted at claim, both proofs, our context, verifiable by our own checks. */
@SpringBootTest
@ActiveProfiles("test")
@Import(CredentialFixtures.class)
class OpenBadges3IntegrationTest {

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	DataIntegrity integrity;

	@Test
	@SuppressWarnings("unchecked")
	void claimedAwardGetsASignedOpenBadgeCredential() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("Sue@Example.edu");
		OpenBadges3.Issued issued = ob3.issue(made.award().id());
		Map<String, Object> c = JSONObjectUtils.parse(issued.json());
		assertThat((List<Object>) c.get("type")).contains("VerifiableCredential", "OpenBadgeCredential");
		assertThat(c.get("id").toString()).startsWith("urn:uuid:");
		Map<String, Object>[] proofs = JSONObjectUtils.getJSONObjectArray(c, "proof");
		assertThat(proofs).singleElement().satisfies(proof -> assertThat(proof).containsEntry("type", "DataIntegrityProof")
				.containsEntry("cryptosuite", "eddsa-rdfc-2022"));
		integrity.verify(DataIntegrity.parse(issued.json()));
		assertThat(ob3.issue(made.award().id()).json()).as("minted once").isEqualTo(issued.json());

		String tampered = issued.json().replace("Data Literacy", "Data Mastery");
		assertThatThrownBy(() -> integrity.verify(DataIntegrity.parse(tampered))).isInstanceOf(DataIntegrity.ProofInvalid.class)
				.hasMessageContaining("changed after it was signed");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theCredentialHasOneRevocationStatusAndIdentifiesTheLearnerByTheSaltedHashOfTheAddressAlone() throws Exception {
		int checkedBefore = SchemaCheckedCredentials.CHECKED.get();
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("Ann@Example.edu");
		assertThat(made.award().recipientName()).as("the LMS knows a name").isNotBlank();
		OpenBadges3.Issued issued = ob3.issue(made.award().id());
		assertThat(SchemaCheckedCredentials.CHECKED.get()).as("the JSON and the VC-JWT were checked against the schema")
				.isGreaterThanOrEqualTo(checkedBefore + 2);
		assertThat(AchievementCredentialSchema.violations(issued.json())).isEmpty();
		Map<String, Object> c = JSONObjectUtils.parse(issued.json());

		Map<String, Object> status = JSONObjectUtils.getJSONObject(c, "credentialStatus");
		assertThat(status).containsEntry("type", "BitstringStatusListEntry").containsEntry("statusPurpose", "revocation")
				.containsEntry("statusListIndex", String.valueOf(issued.statusIndex() % StatusLists.SIZE));

		Map<String, Object> subject = JSONObjectUtils.getJSONObject(c, "credentialSubject");
		String salt = awards.recipientSalt(made.award().id());
		String expectedHash = "sha256$" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(("ann@example.edu" + salt).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat((List<Object>) subject.get("identifier")).containsExactly(Map.of("type", "IdentityObject",
				"identityType", "emailAddress", "hashed", true, "identityHash", expectedHash, "salt", salt));
		assertThat(issued.json()).doesNotContain(made.award().recipientName());
		assertThat(AchievementCredentialSchema.violations(CredentialShape.jwtPayload(issued.jwt()))).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theNameIsInTheCredentialOnlyWhenTheLearnerChoseIt() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("named@example.edu");
		RecipientNameChoice chosen = award -> java.util.Optional.of("Sue S.");
		OpenBadgeCredentialDocuments withChoice = new OpenBadgeCredentialDocuments(awards, ob2, settings, statusLists, urls,
				new org.springframework.beans.factory.support.StaticListableBeanFactory(Map.of("choice", chosen))
						.getBeanProvider(RecipientNameChoice.class));
		Map<String, Object> c = withChoice.credential("urn:uuid:0d7a3c1e-6b0f-4d5e-9f1a-2b3c4d5e6f70", made.award(), made.badge(),
				badges.issuer(made.badge()), made.badge().details(), "named@example.edu", 7, "did:example:issuer");
		List<Map<String, Object>> identifiers = (List<Map<String, Object>>) ((Map<String, Object>) c.get("credentialSubject")).get("identifier");
		assertThat(identifiers).extracting(i -> i.get("identityType")).containsExactly("emailAddress", "name");
		assertThat(identifiers.get(1)).containsEntry("identityHash", "Sue S.").containsEntry("hashed", false).doesNotContainKey("salt");
		assertThat(AchievementCredentialSchema.violations(JSONObjectUtils.toJSONString(c))).isEmpty();
	}

	@Autowired
	OpenBadges2 ob2;

	@Autowired
	CredentialSettings settings;

	@Autowired
	StatusLists statusLists;

	@Autowired
	org.badgebridge.platform.ToolUrls urls;

	@Autowired
	org.badgebridge.award.Awards awards;

	@Autowired
	CredentialKeys keys;

	@Autowired
	org.badgebridge.badge.Badges badges;

	@Test
	void aMicroCredentialMissingAMandatoryEuElementIsNotIssued() {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("ben@example.edu");
		awaitClaimListener(made.award().id());
		org.badgebridge.badge.BadgeClass badge = made.badge();
		org.badgebridge.badge.BadgeDetails d = badge.details();
		badges.update(badge.id(), badge.name(), badge.description(), new org.badgebridge.badge.BadgeDetails(d.criteriaNarrative(), true,
				null, d.workloadValue(), d.workloadUnit(), d.eqfLevel(), d.assessmentType(), d.participation(), null, d.language(),
				d.prerequisites(), d.stackability(), d.expiryMonths(), d.awardingBody(), d.country()));
		jdbc.sql("delete from ob3_credential where award_id=?").param(made.award().id()).update();
		assertThatThrownBy(() -> ob3.issue(made.award().id())).isInstanceOf(OpenBadges3.NotIssuable.class)
				.hasMessageContaining("learning outcomes").hasMessageContaining("type of quality assurance");
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** The claim listener mints the credential once; wait for it, so that it cannot mint after the test's changes. */
	void awaitClaimListener(String awardId) {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> ob3.find(awardId).isPresent());
		assertThat(ob3.find(awardId)).as("minted by the claim listener").isPresent();
	}

	@Test
	void aTermNoContextDefinesIsRefusedNotSilentlyLeftUnsigned() {
		String doc = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
				+ "\"id\":\"urn:uuid:1\",\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":{\"id\":\"did:example:1\","
				+ "\"type\":[\"Profile\"],\"name\":\"X\"},\"validFrom\":\"2026-01-01T00:00:00Z\",\"credentialSubject\":{\"id\":\"urn:uuid:2\","
				+ "\"type\":[\"AchievementSubject\"],\"achievement\":{\"id\":\"urn:uuid:3\",\"type\":[\"Achievement\"],\"name\":\"n\","
				+ "\"description\":\"d\",\"criteria\":{\"narrative\":\"c\"},\"ECTS\":5}}}";
		assertThatThrownBy(() -> integrity.sign(doc, keys.ed25519(), java.time.Instant.now()))
				.isInstanceOf(DataIntegrity.SigningFailed.class).hasMessageContaining("ECTS");
	}
}
