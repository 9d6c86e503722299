package org.badgebridge.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A test LMS shaped like the captured Moodle 4.5.6: its keyset served by WireMock, and launch id_tokens
 * built from the real Moodle payloads in {@code fixtures/moodle-4.5}, re-signed with the test key.
 */
public final class TestPlatform implements AutoCloseable, AfterAllCallback {

	public static final String FIXTURES = "/fixtures/moodle-4.5/";

	private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private final RSAKey key;

	private final RSAKey unpublishedKey;

	public TestPlatform() {
		key = rsa("moodle-test-key");
		unpublishedKey = rsa("not-published");
		server.start();
		server.stubFor(get(urlPathEqualTo("/mod/lti/certs.php")).willReturn(aResponse().withHeader("Content-Type",
				"application/json").withBody(new JWKSet(key.toPublicJWK()).toString())));
	}

	public WireMockServer server() {
		return server;
	}

	public String base() {
		return "http://127.0.0.1:" + server.port();
	}

	public String jwksUri() {
		return base() + "/mod/lti/certs.php";
	}

	public RSAKey key() {
		return key;
	}

	public RSAKey unpublishedKey() {
		return unpublishedKey;
	}

	/** A real Moodle payload (teacher1 or student1) as a mutable claim map. */
	public static Map<String, Object> moodlePayload(String who) {
		try {
			return new LinkedHashMap<>(JSONObjectUtils.parse(fixture(who + "_id_token_payload.json")));
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Map<String, Object> moodleLoginInitiation(String who) {
		try {
			return JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(fixture(who + "_login_initiation.json")), "params");
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String fixture(String name) {
		try (InputStream in = TestPlatform.class.getResourceAsStream(FIXTURES + name)) {
			if (in == null) {
				throw new IllegalStateException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Signs claims with the published key, with a fresh iat/exp (Moodle: 60 s) and the given nonce. */
	public String sign(Map<String, Object> claims, String nonce, Consumer<Map<String, Object>> change) {
		Map<String, Object> c = new LinkedHashMap<>(claims);
		long now = System.currentTimeMillis() / 1000;
		c.put("iat", now);
		c.put("exp", now + 60);
		c.put("nonce", nonce);
		change.accept(c);
		return sign(c, key, JWSAlgorithm.RS256);
	}

	public static String sign(Map<String, Object> claims, RSAKey key, JWSAlgorithm alg) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					JWTClaimsSet.parse(claims));
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException | ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey rsa(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A registration of this platform as Moodle would give it (endpoints under the issuer, keyset served here). */
	public org.badgebridge.platform.RegistrationValues registration(String issuer, String clientId, List<String> deployments,
			org.badgebridge.platform.RegistrationState state) {
		return new org.badgebridge.platform.RegistrationValues("Test LMS", issuer, clientId, "moodle", issuer + "/mod/lti/auth.php",
				issuer + "/mod/lti/token.php", null, jwksUri(), null, deployments, state);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		server.stop();
	}
}
