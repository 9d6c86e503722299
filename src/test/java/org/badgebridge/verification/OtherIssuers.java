package org.badgebridge.verification;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.badgebridge.credential.CredentialKeys;
import org.badgebridge.credential.JsonLdContexts;
import org.badgebridge.credential.Multikeys;

/** Other issuers for verification tests: a fresh did:key and the skeleton of an Open Badges 3.0 credential. */
final class OtherIssuers {

	record Issuer(String did, CredentialKeys.Ed25519Key key) {
	}

	private OtherIssuers() {
	}

	static Issuer didKey() throws GeneralSecurityException {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		byte[] encodedPublic = ((EdECPublicKey) pair.getPublic()).getEncoded(); // X.509: the raw key is the last 32 bytes
		byte[] pub = Arrays.copyOfRange(encodedPublic, encodedPublic.length - 32, encodedPublic.length);
		byte[] encodedPrivate = pair.getPrivate().getEncoded(); // PKCS#8: the seed is the last 32 bytes
		byte[] seed = Arrays.copyOfRange(encodedPrivate, encodedPrivate.length - 32, encodedPrivate.length);
		return new Issuer("did:key:" + Multikeys.ed25519PublicKey(pub), new CredentialKeys.Ed25519Key("other", pub, seed));
	}

	/** An unsigned OpenBadgeCredential of the issuer, valid from 2025-01-01, with this subject. */
	static Map<String, Object> credential(String did, String issuerName, Map<String, Object> subject) {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("@context", List.of(JsonLdContexts.VC2_CONTEXT, JsonLdContexts.OB3_CONTEXT));
		c.put("id", "urn:uuid:3f0c3a2e-1f7b-4a55-9a53-0b8d1e6a0c11");
		c.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
		c.put("issuer", Map.of("id", did, "type", List.of("Profile"), "name", issuerName));
		c.put("validFrom", "2025-01-01T00:00:00Z");
		c.put("credentialSubject", subject);
		return c;
	}
}
