package org.badgebridge.credential;

import java.text.ParseException;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

/** The VC-JWT form of a signed credential, signed with the tool's current RSA credential key. */
@Component
class VcJwts {

	private final CredentialKeys keys;

	private final CredentialSettings settings;

	VcJwts(CredentialKeys keys, CredentialSettings settings) {
		this.keys = keys;
		this.settings = settings;
	}

	/** VC-JWT (OB 3.0 section 8.2): the credential as the payload plus iss, jti, nbf, sub, exp; RS256. */
	String sign(String credentialJson) {
		try {
			Map<String, Object> credential = JSONObjectUtils.parse(credentialJson);
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(JWTClaimsSet.parse(credential));
			Map<String, Object> issuer = JSONObjectUtils.getJSONObject(credential, "issuer");
			claims.issuer((String) issuer.get("id"));
			claims.jwtID((String) credential.get("id"));
			claims.notBeforeTime(java.util.Date.from(Instant.parse((String) credential.get("validFrom"))));
			claims.subject((String) JSONObjectUtils.getJSONObject(credential, "credentialSubject").get("id"));
			if (credential.get("validUntil") != null) {
				claims.expirationTime(java.util.Date.from(Instant.parse((String) credential.get("validUntil"))));
			}
			RSAKey rsa = keys.rsa();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
					.keyID(settings.jwtKeyId(rsa.getKeyID())).build(), claims.build());
			jwt.sign(new RSASSASigner(rsa));
			return jwt.serialize();
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
