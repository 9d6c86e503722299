package org.badgebridge.verification.internal;

import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import org.springframework.stereotype.Component;

import org.badgebridge.credential.CredentialKeys;
import org.badgebridge.credential.CredentialSettings;
import org.badgebridge.credential.DataIntegrity;
import org.badgebridge.verification.internal.BadgeVerifier.Report;
import org.badgebridge.verification.internal.BadgeVerifier.Verdict;

/**
 * Verifiable credentials as VC-JWTs: refuses unsigned ones, checks RSA signatures by this tool's own keys (other
 * keys cannot be resolved offline), then gives the credential inside the same checks as a JSON credential.
 */
@Component
class JwtCredentials {

	private final CredentialKeys keys;

	private final CredentialSettings settings;

	private final CredentialChecks credentials;

	JwtCredentials(CredentialKeys keys, CredentialSettings settings, CredentialChecks credentials) {
		this.keys = keys;
		this.settings = settings;
		this.credentials = credentials;
	}

	private static Report unknown(String why) {
		return Findings.unknown(why);
	}

	Report verify(String text, String email) {
		Findings f = new Findings();
		JWT jwt;
		try {
			jwt = JWTParser.parse(text);
		}
		catch (ParseException ex) {
			return unknown("The text looks like a JWT but cannot be read: " + ex.getMessage());
		}
		if (jwt instanceof PlainJWT) {
			f.fail("Signature", "The JWT is unsigned (alg \"none\"): anyone could have written it. Refused.");
			return f.report();
		}
		if (!(jwt instanceof SignedJWT signed)) {
			return unknown("Encrypted JWTs cannot be checked here.");
		}
		Map<String, Object> claims;
		try {
			claims = signed.getJWTClaimsSet().toJSONObject();
		}
		catch (ParseException ex) {
			return unknown("The JWT's payload is not a JSON object.");
		}
		Object vc = claims.get("vc");
		Map<String, Object> credential = vc instanceof Map<?, ?> ? castMap(vc) : claims;
		JsonObject doc;
		try {
			String json = JSONObjectUtils.toJSONString(credential);
			JsonLimits.check(json);
			doc = DataIntegrity.parse(json);
		}
		catch (JsonException ex) {
			return unknown("The JWT's payload is not a credential.");
		}
		JWSAlgorithm alg = signed.getHeader().getAlgorithm();
		String kid = signed.getHeader().getKeyID();
		Optional<JWK> key = ownJwtKey(kid);
		if (!JWSAlgorithm.RS256.equals(alg) && !JWSAlgorithm.RS384.equals(alg) && !JWSAlgorithm.RS512.equals(alg)) {
			f.skipped("Signature", "Signed with " + alg + ", which this tool cannot check; it checks RSA-signed VC-JWTs.");
			f.status = Verdict.UNKNOWN;
			f.statusWords = "Unknown: the signature could not be checked here.";
		}
		else if (key.isEmpty()) {
			f.skipped("Signature", "The signing key " + kid + " cannot be resolved without fetching it (this tool resolves its own keys).");
			f.status = Verdict.UNKNOWN;
			f.statusWords = "Unknown: the issuer's key could not be resolved offline, so nothing can be said about who signed it.";
		}
		else {
			try {
				if (signed.verify(new RSASSAVerifier(key.get().toRSAKey()))) {
					f.verified("Signature", "Valid JWT signature (" + alg + ") by this tool's key " + kid + ".");
				}
				else {
					f.fail("Signature", "The JWT signature does not match: it was changed after signing, or not signed with this key.");
				}
			}
			catch (JOSEException ex) {
				f.fail("Signature", "The JWT signature cannot be checked: " + ex.getMessage());
			}
		}
		String issuer = DataIntegrity.issuerId(doc);
		Object iss = claims.get("iss");
		if (vc == null && (iss == null || !iss.equals(issuer) || !String.valueOf(claims.get("jti")).equals(JsonFields.string(doc, "id")))) {
			f.fail("Claims", "The JWT's iss/jti do not match the credential's issuer and id.");
		}
		credentials.check(doc, email, f);
		f.format = f.format + ", as a VC-JWT";
		return f.report();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object o) {
		return (Map<String, Object>) o;
	}

	private Optional<JWK> ownJwtKey(String kid) {
		if (kid == null) {
			return Optional.empty();
		}
		return keys.all().stream().filter(k -> CredentialKeys.RS256.equals(k.algorithm()))
				.filter(k -> kid.equals(settings.jwtKeyId(k.kid())) || kid.equals(k.kid())).map(CredentialKeys.PublicKey::jwk).findFirst();
	}
}
