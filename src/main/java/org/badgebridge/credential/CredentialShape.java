package org.badgebridge.credential;

import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;

/**
 * The shape of the Open Badges 3.0 credentials this tool issues, as 1EdTech's JSON Schema for
 * {@code AchievementCredential} takes it: {@code credentialStatus} one object (the model allows at most one status)
 * and {@code proof} an array. Credentials issued before carried a status entry per list and a single proof object.
 */
final class CredentialShape {

	private CredentialShape() {
	}

	/** Whether a stored credential is in today's shape; one in an earlier shape is issued again on its next download. */
	static boolean current(String json) {
		try {
			Map<String, Object> credential = JSONObjectUtils.parse(json);
			return credential.get("credentialStatus") instanceof Map && credential.get("proof") instanceof List;
		}
		catch (ParseException ex) {
			return false;
		}
	}

	/** The signed document with its proof as a one-element array (the proof is outside what it signs). */
	static JsonObject proofAsArray(JsonObject signed) {
		return DataIntegrity.JSON.createObjectBuilder(signed).add("proof", DataIntegrity.JSON.createArrayBuilder().add(signed.get("proof"))).build();
	}

	/** The claims of a VC-JWT as JSON: the credential with the JWT's registered claims. */
	static String jwtPayload(String jwt) {
		try {
			return SignedJWT.parse(jwt).getPayload().toString();
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
