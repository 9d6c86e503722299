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

	private static Report unknown(String key, Object... args) {
		return Findings.unknown(new Said(key, args));
	}

	Report verify(String text, String email) {
		Findings f = new Findings();
		JWT jwt;
		try {
			jwt = JWTParser.parse(text);
		}
		catch (ParseException ex) {
			return unknown("public.check.unknown.jwt-unreadable", String.valueOf(ex.getMessage()));
		}
		if (jwt instanceof PlainJWT) {
			f.fail("Signature", new Said("public.check.detail.jwt-unsigned"));
			return f.report();
		}
		if (!(jwt instanceof SignedJWT signed)) {
			return unknown("public.check.unknown.jwt-encrypted");
		}
		Map<String, Object> claims;
		try {
			claims = signed.getJWTClaimsSet().toJSONObject();
		}
		catch (ParseException ex) {
			return unknown("public.check.unknown.jwt-payload");
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
			return unknown("public.check.unknown.jwt-not-credential");
		}
		JWSAlgorithm alg = signed.getHeader().getAlgorithm();
		String kid = signed.getHeader().getKeyID();
		Optional<JWK> key = ownJwtKey(kid);
		if (!JWSAlgorithm.RS256.equals(alg) && !JWSAlgorithm.RS384.equals(alg) && !JWSAlgorithm.RS512.equals(alg)) {
			f.skipped("Signature", new Said("public.check.detail.jwt-alg", String.valueOf(alg)));
			f.unknownStatus(new Said("public.check.summary.jwt-alg"));
		}
		else if (key.isEmpty()) {
			f.skipped("Signature", new Said("public.check.detail.jwt-key", String.valueOf(kid)));
			f.unknownStatus(new Said("public.check.summary.key-unresolvable"));
		}
		else {
			try {
				if (signed.verify(new RSASSAVerifier(key.get().toRSAKey()))) {
					f.verified("Signature", new Said("public.check.detail.jwt-valid", String.valueOf(alg), kid));
				}
				else {
					f.fail("Signature", new Said("public.check.detail.jwt-mismatch"));
				}
			}
			catch (JOSEException ex) {
				f.fail("Signature", new Said("public.check.detail.jwt-error", String.valueOf(ex.getMessage())));
			}
		}
		String issuer = DataIntegrity.issuerId(doc);
		Object iss = claims.get("iss");
		if (vc == null && (iss == null || !iss.equals(issuer) || !String.valueOf(claims.get("jti")).equals(JsonFields.string(doc, "id")))) {
			f.fail("Claims", new Said("public.check.detail.jwt-claims"));
		}
		credentials.check(doc, email, f);
		f.format = new Said("public.check.format.jwt", f.format);
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
