package org.badgebridge.wallet.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

import org.badgebridge.credential.Multikeys;

/**
 * The {@code jwt} proof of OpenID4VCI 1.0 (Appendix F.1): {@code typ openid4vci-proof+jwt}, ES256 or EdDSA, the key as a
 * {@code jwk} header or a {@code did:key}/{@code did:jwk} {@code kid}, {@code aud} the credential issuer, a fresh
 * {@code iat} and a live {@code c_nonce} (used up). What it yields is the holder's DID: {@code did:key} for an Ed25519
 * key, {@code did:jwk} for a P-256 one.
 */
@Component
class ProofOfPossession {

	static final Duration MAX_AGE = Duration.ofMinutes(5);

	/** A refused proof: {@code invalid_proof} or {@code invalid_nonce}. */
	static final class Refused extends RuntimeException {

		final String error;

		Refused(String error, String description) {
			super(description);
			this.error = error;
		}
	}

	private final WalletGrants grants;

	private final Clock clock;

	ProofOfPossession(WalletGrants grants, Clock clock) {
		this.grants = grants;
		this.clock = clock;
	}

	/** The holder's DID, once the proof checks out against {@code issuer}. */
	String holder(String proof, String issuer) {
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(proof);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw new Refused("invalid_proof", "the proof is not a JWT");
		}
		if (!new JOSEObjectType("openid4vci-proof+jwt").equals(jwt.getHeader().getType())) {
			throw new Refused("invalid_proof", "typ must be openid4vci-proof+jwt");
		}
		JWK key = key(jwt);
		if (!verifies(jwt, key)) {
			throw new Refused("invalid_proof", "the proof's signature does not verify");
		}
		List<String> audience = claims.getAudience();
		if (audience == null || !audience.contains(issuer)) {
			throw new Refused("invalid_proof", "aud must be the credential issuer");
		}
		Date iat = claims.getIssueTime();
		long now = clock.millis();
		if (iat == null || iat.getTime() > now + 60_000 || iat.getTime() < now - MAX_AGE.toMillis()) {
			throw new Refused("invalid_proof", "iat is missing or not fresh");
		}
		Object nonce = claims.getClaim("nonce");
		if (!(nonce instanceof String n) || n.isEmpty()) {
			throw new Refused("invalid_proof", "the proof carries no c_nonce");
		}
		if (!grants.useNonce(n)) {
			throw new Refused("invalid_nonce", "the c_nonce is unknown, used or expired");
		}
		return did(key);
	}

	private static JWK key(SignedJWT jwt) {
		JWK jwk = jwt.getHeader().getJWK();
		String kid = jwt.getHeader().getKeyID();
		if ((jwk == null) == (kid == null) || jwt.getHeader().getX509CertChain() != null) {
			throw new Refused("invalid_proof", "exactly one of jwk and kid (a DID URL) names the key");
		}
		if (jwk != null) {
			if (jwk.isPrivate()) {
				throw new Refused("invalid_proof", "the jwk holds a private key");
			}
			return jwk;
		}
		String did = kid.split("#", 2)[0];
		try {
			if (did.startsWith("did:jwk:")) {
				return JWK.parse(new String(Base64.getUrlDecoder().decode(did.substring(8)), StandardCharsets.UTF_8));
			}
			if (did.startsWith("did:key:")) {
				Optional<byte[]> raw = Multikeys.decodeEd25519(did.substring(8));
				if (raw.isPresent()) {
					return new OctetKeyPair.Builder(Curve.Ed25519, com.nimbusds.jose.util.Base64URL.encode(raw.get())).build();
				}
			}
		}
		catch (ParseException | IllegalArgumentException ex) {
			// not a key we can read: refused below
		}
		throw new Refused("invalid_proof", "kid must be a did:key (Ed25519) or did:jwk");
	}

	private static boolean verifies(SignedJWT jwt, JWK key) {
		JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
		try {
			if (JWSAlgorithm.ES256.equals(alg) && key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
				return jwt.verify(new ECDSAVerifier(ec));
			}
			if ((JWSAlgorithm.EdDSA.equals(alg) || JWSAlgorithm.Ed25519.equals(alg)) && key instanceof OctetKeyPair okp
					&& Curve.Ed25519.equals(okp.getCurve())) {
				return Multikeys.verifyEd25519(okp.getDecodedX(), jwt.getSigningInput(), jwt.getSignature().decode());
			}
		}
		catch (JOSEException ex) {
			return false;
		}
		throw new Refused("invalid_proof", "alg must be ES256 (P-256) or EdDSA (Ed25519)");
	}

	/** did:key for Ed25519, did:jwk (of the public members only) for others. */
	static String did(JWK key) {
		if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
			return "did:key:" + Multikeys.ed25519PublicKey(okp.getDecodedX());
		}
		String json = key.toPublicJWK().toJSONString();
		return "did:jwk:" + Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}
}
