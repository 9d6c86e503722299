package org.badgebridge.wallet.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.award.Awards;
import org.badgebridge.credential.CredentialFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The OpenID4VCI 1.0 endpoints against what the specification says they refuse, each with its error code: a used,
 * expired or unknown pre-authorized code and a wrong transaction code ({@code invalid_grant}; three wrong ones use the
 * code up), a missing one ({@code invalid_request}), no or an unknown token (401 {@code invalid_token}), a missing
 * proof, a wrong audience, type or signature ({@code invalid_proof}), a wrong or reused nonce ({@code invalid_nonce}),
 * an unknown configuration. Wallets post without the tool's CSRF token: none of these requests carries one.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class WalletProtocolIntegrationTest {

	static final String ISSUER = "http://localhost:8080";

	@Autowired
	MockMvc mvc;

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	Awards awards;

	@Autowired
	WalletGrants grants;

	@Autowired
	JdbcClient jdbc;

	String publicAward() {
		String id = fixtures.claimedMicroCredential("w-" + java.util.UUID.randomUUID() + "@example.edu").award().id();
		awards.setPublic(id, true);
		return id;
	}

	MockHttpServletResponse token(String code, String txCode) throws Exception {
		var request = post(IssuerMetadata.TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("grant_type", IssuerMetadata.PRE_AUTHORIZED_GRANT).param("pre-authorized_code", code);
		if (txCode != null) {
			request.param("tx_code", txCode);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	static Map<String, Object> json(MockHttpServletResponse response) throws Exception {
		return JSONObjectUtils.parse(response.getContentAsString());
	}

	static void refused(MockHttpServletResponse response, int status, String error) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		assertThat(json(response)).containsEntry("error", error);
	}

	String accessToken() throws Exception {
		WalletGrants.Offer offer = grants.offer(publicAward(), false);
		return (String) json(token(offer.code(), null)).get("access_token");
	}

	String nonce() throws Exception {
		MockHttpServletResponse response = mvc.perform(post(IssuerMetadata.NONCE)).andReturn().getResponse();
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
		return (String) json(response).get("c_nonce");
	}

	static String proof(ECKey key, String aud, String nonce, String typ) throws Exception {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().audience(aud).issueTime(new Date());
		if (nonce != null) {
			claims.claim("nonce", nonce);
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(typ)).jwk(key.toPublicJWK()).build(),
				claims.build());
		jwt.sign(new ECDSASigner(key));
		return jwt.serialize();
	}

	MockHttpServletResponse credential(String token, Map<String, Object> body) throws Exception {
		var request = post(IssuerMetadata.CREDENTIAL).contentType(MediaType.APPLICATION_JSON).content(JSONObjectUtils.toJSONString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	static Map<String, Object> request(String proof) {
		return Map.of("credential_configuration_id", IssuerMetadata.CONFIGURATION, "proofs", Map.of("jwt", List.of(proof)));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theMetadataSaysOpenId4Vci10WithAnonymousPreAuthorizedAccess() throws Exception {
		Map<String, Object> issuer = json(mvc.perform(get("/.well-known/openid-credential-issuer")).andReturn().getResponse());
		assertThat(issuer).containsEntry("credential_issuer", ISSUER).containsEntry("credential_endpoint", ISSUER + "/oid4vci/credential")
				.containsEntry("nonce_endpoint", ISSUER + "/oid4vci/nonce");
		Map<String, Object> configuration = (Map<String, Object>) ((Map<String, Object>) issuer.get("credential_configurations_supported"))
				.get(IssuerMetadata.CONFIGURATION);
		assertThat(configuration).containsEntry("format", "ldp_vc").containsKey("credential_metadata")
				.containsEntry("cryptographic_binding_methods_supported", List.of("did:key", "jwk"));
		assertThat((Map<String, Object>) configuration.get("credential_definition")).containsEntry("type",
				List.of("VerifiableCredential", "OpenBadgeCredential"));
		Map<String, Object> as = json(mvc.perform(get("/.well-known/oauth-authorization-server")).andReturn().getResponse());
		assertThat(as).containsEntry("issuer", ISSUER).containsEntry("token_endpoint", ISSUER + "/oid4vci/token")
				.containsEntry("pre-authorized_grant_anonymous_access_supported", true);
	}

	@Test
	void aCodeWorksOnceAndNotAfterItsTenMinutes() throws Exception {
		long before = System.currentTimeMillis();
		WalletGrants.Offer offer = grants.offer(publicAward(), false);
		assertThat(offer.expiresAt() - before).isLessThanOrEqualTo(10 * 60_000L + 1_000);
		MockHttpServletResponse first = token(offer.code(), null);
		assertThat(first.getStatus()).isEqualTo(200);
		assertThat(json(first)).containsEntry("token_type", "Bearer").containsKey("access_token").doesNotContainKey("c_nonce");
		assertThat(first.getHeader("Cache-Control")).contains("no-store");
		refused(token(offer.code(), null), 400, "invalid_grant");

		WalletGrants.Offer late = grants.offer(publicAward(), false);
		jdbc.sql("update wallet_offer set expires_at=? where code_hash=?").params(Instant.now().toEpochMilli() - 1, WalletGrants.hash(late.code()))
				.update();
		refused(token(late.code(), null), 400, "invalid_grant");
		refused(token("no-such-code", null), 400, "invalid_grant");
		refused(token("", null), 400, "invalid_request");
	}

	@Test
	void theTransactionCodeIsRequiredAndThreeWrongOnesUseTheCodeUp() throws Exception {
		WalletGrants.Offer offer = grants.offer(publicAward(), true);
		refused(token(offer.code(), null), 400, "invalid_request");
		String wrong = offer.txCode().equals("000000") ? "111111" : "000000";
		refused(token(offer.code(), wrong), 400, "invalid_grant");
		assertThat(token(offer.code(), offer.txCode()).getStatus()).as("right after one wrong try").isEqualTo(200);

		WalletGrants.Offer guessed = grants.offer(publicAward(), true);
		String other = guessed.txCode().equals("000000") ? "111111" : "000000";
		for (int i = 0; i < WalletGrants.MAX_TX_FAILURES; i++) {
			refused(token(guessed.code(), other), 400, "invalid_grant");
		}
		refused(token(guessed.code(), guessed.txCode()), 400, "invalid_grant");

		WalletGrants.Offer plain = grants.offer(publicAward(), false);
		refused(token(plain.code(), "123456"), 400, "invalid_request");
	}

	@Test
	void theCredentialEndpointRefusesWhatTheSpecificationNames() throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).generate();
		refused(credential(null, request(proof(key, ISSUER, nonce(), "openid4vci-proof+jwt"))), 401, "invalid_token");
		refused(credential("not-a-token", request(proof(key, ISSUER, nonce(), "openid4vci-proof+jwt"))), 401, "invalid_token");
		String token = accessToken();
		refused(credential(token, Map.of("credential_configuration_id", IssuerMetadata.CONFIGURATION)), 400, "invalid_proof");
		refused(credential(token, Map.of("credential_configuration_id", "Other", "proofs", Map.of("jwt", List.of("x")))), 400,
				"unknown_credential_configuration");
		refused(credential(token, Map.of("proofs", Map.of("jwt", List.of("x")))), 400, "invalid_credential_request");
		refused(credential(token, request(proof(key, "https://elsewhere.example", nonce(), "openid4vci-proof+jwt"))), 400, "invalid_proof");
		refused(credential(token, request(proof(key, ISSUER, nonce(), "JWT"))), 400, "invalid_proof");
		refused(credential(token, request(proof(key, ISSUER, null, "openid4vci-proof+jwt"))), 400, "invalid_proof");
		refused(credential(token, request(proof(key, ISSUER, "made-up", "openid4vci-proof+jwt"))), 400, "invalid_nonce");
		String signedByOther = proof(new ECKeyGenerator(Curve.P_256).generate(), ISSUER, nonce(), "openid4vci-proof+jwt");
		String forged = proof(key, ISSUER, nonce(), "openid4vci-proof+jwt").split("\\.")[0] + "." + signedByOther.split("\\.", 2)[1];
		refused(credential(token, request(forged)), 400, "invalid_proof");

		String nonce = nonce();
		MockHttpServletResponse issued = credential(token, request(proof(key, ISSUER, nonce, "openid4vci-proof+jwt")));
		assertThat(issued.getStatus()).as(issued.getContentAsString()).isEqualTo(200);
		assertThat(issued.getContentAsString()).contains("\"credentials\"", "did:jwk:");
		refused(credential(token, request(proof(key, ISSUER, nonce, "openid4vci-proof+jwt"))), 400, "invalid_nonce");
	}

	@Test
	@SuppressWarnings("unchecked")
	void anEd25519ProofNamingItsKeyByADidKeyKidIsAcceptedAndAnExpiredTokenIsNot() throws Exception {
		java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		byte[] encoded = pair.getPublic().getEncoded();
		byte[] raw = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
		String did = "did:key:" + org.badgebridge.credential.Multikeys.ed25519PublicKey(raw);
		java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
		String header = b64.encodeToString(JSONObjectUtils.toJSONString(Map.of("alg", "EdDSA", "typ", "openid4vci-proof+jwt",
				"kid", did + "#" + did.substring(8))).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		String payload = b64.encodeToString(JSONObjectUtils.toJSONString(Map.of("aud", ISSUER, "iat", Instant.now().getEpochSecond(),
				"nonce", nonce())).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
		signer.initSign(pair.getPrivate());
		signer.update((header + "." + payload).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		String proof = header + "." + payload + "." + b64.encodeToString(signer.sign());

		String token = accessToken();
		MockHttpServletResponse issued = credential(token, request(proof));
		assertThat(issued.getStatus()).as(issued.getContentAsString()).isEqualTo(200);
		Map<String, Object> credential = (Map<String, Object>) ((List<Map<String, Object>>) json(issued).get("credentials")).get(0)
				.get("credential");
		assertThat((Map<String, Object>) credential.get("credentialSubject")).containsEntry("id", did);
		assertThat(credential).containsKeys("proof", "credentialStatus");

		jdbc.sql("update wallet_token set expires_at=? where token_hash=?").params(Instant.now().toEpochMilli() - 1, WalletGrants.hash(token))
				.update();
		ECKey key = new ECKeyGenerator(Curve.P_256).generate();
		refused(credential(token, request(proof(key, ISSUER, nonce(), "openid4vci-proof+jwt"))), 401, "invalid_token");
	}

	@Test
	void offersADayPastTheirExpiryArePurgedAndLiveOnesKept() throws Exception {
		WalletGrants.Offer old = grants.offer(publicAward(), false);
		WalletGrants.Offer live = grants.offer(publicAward(), false);
		jdbc.sql("update wallet_offer set expires_at=? where code_hash=?")
				.params(Instant.now().minus(java.time.Duration.ofDays(2)).toEpochMilli(), WalletGrants.hash(old.code())).update();
		grants.purge();
		assertThat(jdbc.sql("select count(*) from wallet_offer where code_hash=?").param(WalletGrants.hash(old.code())).query(Integer.class)
				.single()).isZero();
		assertThat(token(live.code(), null).getStatus()).isEqualTo(200);
	}
}
