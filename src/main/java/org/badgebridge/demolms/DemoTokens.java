package org.badgebridge.demolms;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo platform's keys and tokens: its RSA key (id_tokens, registration tokens, message hints, access
 * tokens) and the verification of what the tool signs (client assertions, deep linking responses) against
 * the tool's published JWKS.
 */
@ConditionalOnDemo
@Component
class DemoTokens {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ConcurrentHashMap<String, JWKSource<SecurityContext>> toolKeys = new ConcurrentHashMap<>();

	private volatile RSAKey key;

	DemoTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	synchronized RSAKey key() {
		if (key == null) {
			key = jdbc.sql("select private_jwk from demo_key order by created_at").query(String.class).list().stream().findFirst()
					.map(DemoTokens::parse).orElseGet(() -> {
						try {
							RSAKey k = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
									.keyID("demo-" + UUID.randomUUID().toString().substring(0, 8)).generate();
							jdbc.sql("insert into demo_key (kid, private_jwk, created_at) values (?,?,?)")
									.params(k.getKeyID(), k.toJSONString(), clock.millis()).update();
							return k;
						}
						catch (JOSEException ex) {
							throw new IllegalStateException(ex);
						}
					});
		}
		return key;
	}

	JWKSet publicKeys() {
		return new JWKSet(key().toPublicJWK());
	}

	String sign(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key().getKeyID())
					.type(JOSEObjectType.JWT).build(), claims);
			jwt.sign(new RSASSASigner(key()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token the demo issued itself (hints, registration and access tokens), or null. */
	JWTClaimsSet verifyOwn(String token, String expectedType) {
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (!jwt.verify(new RSASSAVerifier(key().toRSAPublicKey()))) {
				return null;
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			if (!expectedType.equals(claims.getClaim("demo_type")) || claims.getExpirationTime() == null
					|| claims.getExpirationTime().getTime() < clock.millis()) {
				return null;
			}
			return claims;
		}
		catch (ParseException | JOSEException | RuntimeException ex) {
			return null;
		}
	}

	JWTClaimsSet.Builder own(String type, long ttlMillis) {
		long now = clock.millis();
		return new JWTClaimsSet.Builder().claim("demo_type", type).issueTime(new Date(now))
				.expirationTime(new Date(now + ttlMillis)).jwtID(UUID.randomUUID().toString());
	}

	/** Verifies a JWT the tool signed, against the tool's JWKS; returns its claims or says why not. */
	JWTClaimsSet verifyTool(String token, String jwksUri) throws InvalidToolToken {
		SignedJWT jwt;
		try {
			jwt = SignedJWT.parse(token);
		}
		catch (ParseException ex) {
			throw new InvalidToolToken("not a signed JWT");
		}
		if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
			throw new InvalidToolToken("alg must be RS256");
		}
		String kid = jwt.getHeader().getKeyID();
		if (kid == null) {
			throw new InvalidToolToken("no kid in the header");
		}
		try {
			List<JWK> keys = toolKeys.computeIfAbsent(jwksUri, uri -> {
				try {
					return JWKSourceBuilder.<SecurityContext>create(URI.create(uri).toURL(),
							new DefaultResourceRetriever(5000, 5000, 256 * 1024)).cache(300_000, 5_000).rateLimited(1_000)
							.retrying(false).build();
				}
				catch (java.net.MalformedURLException ex) {
					throw new IllegalArgumentException(ex);
				}
			}).get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
			if (keys.isEmpty()) {
				throw new InvalidToolToken("kid " + kid + " is not in the tool's keyset");
			}
			if (!jwt.verify(new RSASSAVerifier((RSAKey) keys.get(0)))) {
				throw new InvalidToolToken("bad signature");
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			long now = clock.millis();
			if (claims.getExpirationTime() == null || claims.getExpirationTime().getTime() + 60_000 < now) {
				throw new InvalidToolToken("expired");
			}
			if (claims.getIssueTime() == null || claims.getIssueTime().getTime() - 60_000 > now) {
				throw new InvalidToolToken("issued in the future");
			}
			return claims;
		}
		catch (InvalidToolToken ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new InvalidToolToken("cannot verify: " + ex.getMessage());
		}
	}

	static class InvalidToolToken extends Exception {

		InvalidToolToken(String message) {
			super(message);
		}
	}

	private static RSAKey parse(String json) {
		try {
			return RSAKey.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
