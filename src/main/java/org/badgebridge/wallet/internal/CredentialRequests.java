package org.badgebridge.wallet.internal;

import java.util.List;
import java.util.Map;

/**
 * The shape of an OpenID4VCI 1.0 credential request (§8.2): exactly one {@code credential_configuration_id} (ours;
 * {@code credential_identifier} is not used without {@code authorization_details}) and {@code proofs} with one
 * {@code jwt} proof (this issuer mints one credential per request).
 */
final class CredentialRequests {

	/** A request of the wrong shape: its OpenID4VCI error code. */
	static final class Refused extends RuntimeException {

		final String error;

		Refused(String error, String description) {
			super(description);
			this.error = error;
		}
	}

	private CredentialRequests() {
	}

	/** The request's one {@code jwt} proof. */
	static String proof(Map<String, Object> request) {
		if (request == null) {
			throw new Refused("invalid_credential_request", "the body is missing");
		}
		if (request.containsKey("credential_identifier")) {
			throw new Refused("invalid_credential_request", "credential_identifier is not used by this issuer");
		}
		Object configuration = request.get("credential_configuration_id");
		if (configuration == null) {
			throw new Refused("invalid_credential_request", "credential_configuration_id is missing");
		}
		if (!IssuerMetadata.CONFIGURATION.equals(configuration)) {
			throw new Refused("unknown_credential_configuration", "no such credential configuration");
		}
		if (request.containsKey("proof")) {
			throw new Refused("invalid_credential_request", "use proofs (OpenID4VCI 1.0), not proof");
		}
		if (!(request.get("proofs") instanceof Map<?, ?> proofs)) {
			throw new Refused("invalid_proof", "proofs is missing");
		}
		if (proofs.size() != 1 || !(proofs.get("jwt") instanceof List<?> jwts) || jwts.isEmpty()) {
			throw new Refused("invalid_proof", "proofs must hold one non-empty jwt array");
		}
		if (jwts.size() != 1 || !(jwts.get(0) instanceof String jwt)) {
			throw new Refused("invalid_credential_request", "one jwt proof per request");
		}
		return jwt;
	}
}
