package org.badgebridge.wallet.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import org.badgebridge.credential.JsonLdContexts;
import org.badgebridge.platform.ToolUrls;

/**
 * What the tool tells wallets about itself (OpenID4VCI 1.0 §12.2, RFC 8414): the credential issuer is the tool's
 * public URL and its own authorization server; one {@code ldp_vc} configuration for the Open Badges 3.0 credential,
 * holder binding by {@code did:key} or {@code jwk} proven by a {@code jwt} proof. {@code credential_metadata} sits on
 * the configuration as 1.0 puts it (clients tell 1.0 from drafts by it).
 */
@Component
class IssuerMetadata {

	static final String CONFIGURATION = "OpenBadgeCredential_ldp_vc";

	static final String TOKEN = "/oid4vci/token";

	static final String NONCE = "/oid4vci/nonce";

	static final String CREDENTIAL = "/oid4vci/credential";

	static final String PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

	private final ToolUrls urls;

	IssuerMetadata(ToolUrls urls) {
		this.urls = urls;
	}

	String issuer() {
		return urls.base();
	}

	Map<String, Object> issuerMetadata() {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("format", "ldp_vc");
		configuration.put("scope", "OpenBadgeCredential");
		configuration.put("credential_definition", Map.of("@context", List.of(JsonLdContexts.VC2_CONTEXT, JsonLdContexts.OB3_CONTEXT),
				"type", List.of("VerifiableCredential", "OpenBadgeCredential")));
		configuration.put("cryptographic_binding_methods_supported", List.of("did:key", "jwk"));
		configuration.put("credential_signing_alg_values_supported", List.of("eddsa-rdfc-2022"));
		configuration.put("proof_types_supported", Map.of("jwt", Map.of("proof_signing_alg_values_supported", List.of("ES256", "EdDSA"))));
		configuration.put("credential_metadata", Map.of("display", List.of(
				Map.of("name", "Open Badge", "locale", "en", "description", "An Open Badges 3.0 credential of a badge you earned"),
				Map.of("name", "Open Badge", "locale", "nl", "description", "Een Open Badges 3.0-credential van een badge die je hebt behaald"))));
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("credential_issuer", issuer());
		metadata.put("credential_endpoint", issuer() + CREDENTIAL);
		metadata.put("nonce_endpoint", issuer() + NONCE);
		metadata.put("display", List.of(Map.of("name", "BadgeBridge", "locale", "en")));
		metadata.put("credential_configurations_supported", Map.of(CONFIGURATION, configuration));
		return metadata;
	}

	Map<String, Object> authorizationServerMetadata() {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("issuer", issuer());
		metadata.put("token_endpoint", issuer() + TOKEN);
		metadata.put("grant_types_supported", List.of(PRE_AUTHORIZED_GRANT));
		metadata.put("token_endpoint_auth_methods_supported", List.of("none"));
		metadata.put("pre-authorized_grant_anonymous_access_supported", true);
		return metadata;
	}

	/** The offer (OpenID4VCI 1.0 §4.1.1) for a code, with the transaction code's shape when one is asked. */
	Map<String, Object> offer(String code, boolean txCode) {
		Map<String, Object> grant = new LinkedHashMap<>();
		grant.put("pre-authorized_code", code);
		if (txCode) {
			grant.put("tx_code", Map.of("input_mode", "numeric", "length", 6,
					"description", "The code shown next to the QR code in your backpack"));
		}
		Map<String, Object> offer = new LinkedHashMap<>();
		offer.put("credential_issuer", issuer());
		offer.put("credential_configuration_ids", List.of(CONFIGURATION));
		offer.put("grants", Map.of(PRE_AUTHORIZED_GRANT, grant));
		return offer;
	}
}
