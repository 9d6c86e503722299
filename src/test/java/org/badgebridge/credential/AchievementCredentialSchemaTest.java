package org.badgebridge.credential;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pinned 1EdTech schema itself: it accepts today's shape and rejects the shape credentials had before. */
class AchievementCredentialSchemaTest {

	static String credential(String status, String proof) {
		return """
				{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
				 "id":"urn:uuid:6e3b0d4c-1b7a-4a47-9a55-0f1f0a7d2c11","type":["VerifiableCredential","OpenBadgeCredential"],
				 "issuer":{"id":"did:key:z6MkexampleIssuer","type":["Profile"],"name":"Example University"},
				 "validFrom":"2026-01-15T10:00:00Z",
				 "credentialSubject":{"id":"urn:uuid:1c7b1d7e-3c55-4d0c-8a47-96b4b1b8a3f0","type":["AchievementSubject"],
				   "identifier":[{"type":"IdentityObject","identityType":"emailAddress","hashed":true,
				     "identityHash":"sha256$4f9e8c6a2d1b","salt":"s4lt"}],
				   "achievement":{"id":"https://badges.example.edu/ob2/badges/1","type":["Achievement"],"name":"Data Literacy",
				     "description":"Reads data","criteria":{"narrative":"Pass"}}},
				 "credentialStatus":%s,
				 "proof":%s}""".formatted(status, proof);
	}

	static final String ENTRY = """
			{"id":"https://badges.example.edu/ob3/status/revocation/0#5","type":"BitstringStatusListEntry",
			 "statusPurpose":"revocation","statusListIndex":"5","statusListCredential":"https://badges.example.edu/ob3/status/revocation/0"}""";

	static final String PROOF = """
			{"type":"DataIntegrityProof","cryptosuite":"eddsa-rdfc-2022","created":"2026-01-15T10:00:00Z",
			 "verificationMethod":"did:key:z6MkexampleIssuer#z6MkexampleIssuer","proofPurpose":"assertionMethod","proofValue":"z3abc"}""";

	@Test
	void todaysShapeConforms() {
		assertThat(AchievementCredentialSchema.violations(credential(ENTRY, "[" + PROOF + "]"))).isEmpty();
	}

	@Test
	void twoStatusEntriesAndASingleProofObjectDoNot() {
		assertThat(AchievementCredentialSchema.violations(credential("[" + ENTRY + "," + ENTRY.replace("revocation", "suspension") + "]",
				"[" + PROOF + "]"))).singleElement().asString().startsWith("/credentialStatus (type)");
		assertThat(AchievementCredentialSchema.violations(credential(ENTRY, PROOF))).singleElement().asString().startsWith("/proof (type)");
	}

	@Test
	void anIdentityObjectNeedsItsTypeAndHash() {
		String credential = credential(ENTRY, "[" + PROOF + "]").replace("\"identityHash\":\"sha256$4f9e8c6a2d1b\",", "");
		assertThat(AchievementCredentialSchema.violations(credential)).anyMatch(v -> v.contains("identifier") && v.contains("identityHash"));
	}
}
