package org.badgebridge.wallet.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.badgebridge.BadgeBridgeApplication;
import org.badgebridge.award.Awards;
import org.badgebridge.credential.CredentialFixtures;
import org.badgebridge.credential.Multikeys;
import org.badgebridge.support.FreePort;
import org.badgebridge.support.NodeVerifiers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wallet that shares no code with the tool (npm {@code @openid4vc/openid4vci} 0.4.6, OpenID4VCI 1.0, a fresh key from
 * jose) takes the offer of a public, accepted badge, gets a token with the transaction code, proves possession and
 * receives a credential that the build's independent verifier (DCC verifier-core, with its schema check) accepts, whose
 * subject is the wallet's own DID, and which the award's revocation reaches. The tool runs for real on a port.
 */
class WalletIssuanceInteropTest {

	static ConfigurableApplicationContext app;

	static String base;

	@BeforeAll
	static void start() {
		int port = FreePort.find();
		base = "http://localhost:" + port;
		app = new SpringApplicationBuilder(BadgeBridgeApplication.class).web(WebApplicationType.SERVLET).profiles("test")
				.run("--server.port=" + port, "--badgebridge.public-url=" + base);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	static CredentialFixtures.Made publicBadge(String email) {
		CredentialFixtures fixtures = new CredentialFixtures(app.getBean(org.badgebridge.platform.Registrations.class),
				app.getBean(org.badgebridge.course.Courses.class), app.getBean(org.badgebridge.badge.Badges.class), app.getBean(Awards.class));
		CredentialFixtures.Made made = fixtures.claimedMicroCredential(email);
		app.getBean(Awards.class).setPublic(made.award().id(), true);
		return made;
	}

	static String link(WalletGrants.Offer offer) {
		String json = JSONObjectUtils.toJSONString(app.getBean(IssuerMetadata.class).offer(offer.code(), offer.txCode() != null));
		return "openid-credential-offer://?credential_offer=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theNpmWalletReceivesAHolderBoundCredentialThatVerifiesEs256WithTxCode() throws Exception {
		CredentialFixtures.Made made = publicBadge("wally@example.edu");
		WalletGrants.Offer offer = app.getBean(WalletGrants.class).offer(made.award().id(), true);
		assertThat(offer.txCode()).matches("[0-9]{6}");

		Map<String, Object> received = NodeVerifiers.wallet(link(offer), offer.txCode(), "ES256");
		assertThat(received).as("the client read our metadata as OpenID4VCI 1.0").containsEntry("version", "V1")
				.containsEntry("count", 1L);
		Map<String, Object> credential = (Map<String, Object>) received.get("credential");
		Map<String, Object> subject = (Map<String, Object>) credential.get("credentialSubject");
		JWK walletKey = JWK.parse((Map<String, Object>) received.get("publicJwk"));
		String did = (String) subject.get("id");
		assertThat(did).startsWith("did:jwk:");
		assertThat(JWK.parse(new String(Base64.getUrlDecoder().decode(did.substring(8)), StandardCharsets.UTF_8)))
				.as("the subject is the wallet's own key").isEqualTo(walletKey.toPublicJWK());
		assertThat((Map<String, Object>) subject.get("achievement")).containsEntry("name", "Data Literacy");
		String stored = app.getBean(org.badgebridge.credential.OpenBadges3.class).find(made.award().id()).orElseThrow().credentialId();
		assertThat(credential.get("id")).as("freshly minted, not the stored copy").isNotEqualTo(stored);

		Path file = Files.createTempDirectory("wallet").resolve("received.json");
		Files.writeString(file, JSONObjectUtils.toJSONString(credential));
		Map<String, Object> verified = NodeVerifiers.verifyCredential(file);
		assertThat((Map<String, Object>) verified.get("log")).as(verified.toString()).containsEntry("valid_signature", true)
				.containsEntry("revocation_status", true);
		assertThat((List<?>) verified.get("errors")).as(verified.toString()).isEmpty();
		assertThat((List<Map<String, Object>>) verified.get("schema")).singleElement()
				.satisfies(result -> assertThat(result).containsEntry("valid", true));

		app.getBean(Awards.class).revoke(made.award().id(), "teacher:3", "Plagiarism found");
		Map<String, Object> revoked = NodeVerifiers.verifyCredential(file);
		assertThat((Map<String, Object>) revoked.get("log")).as("the award's status entry reaches the wallet's copy")
				.containsEntry("valid_signature", true).containsEntry("revocation_status", false);
	}

	@Test
	@SuppressWarnings("unchecked")
	void anEd25519WalletWithoutTxCodeIsNamedByItsDidKey() throws Exception {
		CredentialFixtures.Made made = publicBadge("eddie@example.edu");
		WalletGrants.Offer offer = app.getBean(WalletGrants.class).offer(made.award().id(), false);

		Map<String, Object> received = NodeVerifiers.wallet(link(offer), null, "EdDSA");
		Map<String, Object> subject = (Map<String, Object>) ((Map<String, Object>) received.get("credential")).get("credentialSubject");
		String x = (String) ((Map<String, Object>) received.get("publicJwk")).get("x");
		assertThat(subject).containsEntry("id", "did:key:" + Multikeys.ed25519PublicKey(Base64.getUrlDecoder().decode(x)));
	}
}
