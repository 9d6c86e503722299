package org.badgebridge.credential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The {@code did:web} document of our issuer id ({@code /.well-known/did.json}): every credential key ever used,
 * Ed25519 ones as Multikey (Data Integrity proofs) and RSA ones as JsonWebKey (VC-JWT), all as assertion methods.
 */
@Component
public class DidDocuments {

	private final CredentialSettings settings;

	private final CredentialKeys keys;

	public DidDocuments(CredentialSettings settings, CredentialKeys keys) {
		this.settings = settings;
		this.keys = keys;
	}

	/** The document, or empty when the issuer is a did:key (which needs none). */
	public Optional<Map<String, Object>> didWeb() {
		if (!settings.didWeb()) {
			return Optional.empty();
		}
		keys.ed25519();
		keys.rsa(); // a DID document without keys helps nobody: make them now if none exist yet
		String did = settings.didWebId();
		List<Object> methods = new ArrayList<>();
		List<Object> assertion = new ArrayList<>();
		for (CredentialKeys.PublicKey key : keys.all()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", did + "#" + key.kid());
			m.put("controller", did);
			if (CredentialKeys.ED25519.equals(key.algorithm())) {
				m.put("type", "Multikey");
				m.put("publicKeyMultibase", key.multibase());
			}
			else {
				m.put("type", "JsonWebKey");
				m.put("publicKeyJwk", key.jwk().toJSONObject());
			}
			methods.add(m);
			assertion.add(did + "#" + key.kid());
		}
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("@context", List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1",
				"https://w3id.org/security/suites/jws-2020/v1"));
		doc.put("id", did);
		doc.put("verificationMethod", methods);
		doc.put("assertionMethod", assertion);
		return Optional.of(doc);
	}
}
