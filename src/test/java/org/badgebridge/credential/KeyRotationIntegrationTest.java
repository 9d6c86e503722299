package org.badgebridge.credential;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.platform.ToolKeys;
import org.badgebridge.support.PublishedEvents;
import org.badgebridge.platform.ToolKeysRotated;
import org.badgebridge.verification.internal.BadgeVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The keys page and "rotate now" for the tool key and the credential keys (did:key here: plain http), each after a
 * confirmation page, each publishing its event in the rotating transaction; credentials signed before still verify.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ CredentialFixtures.class, PublishedEvents.class })
class KeyRotationIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PublishedEvents recorder;

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	CredentialKeys credentialKeys;

	@Autowired
	ToolKeys toolKeys;

	@Autowired
	BadgeVerifier verifier;

	@BeforeEach
	void clear() {
		recorder.seen.clear();
	}

	@Test
	void pageListsBothKindsOfKeysWithAgeStateUseAndTheIssuerIdForm() throws Exception {
		ob3.issue(fixtures.claimedMicroCredential("count@example.edu").award().id());
		String kid = credentialKeys.ed25519().kid();
		String page = mvc.perform(get("/admin/keys").with(httpBasic("admin", "test-admin-password"))).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains(toolKeys.current().getKeyID(), kid, credentialKeys.rsa().getKeyID(), "less than a day",
				"signs now", "current: signs new credentials", "Data Integrity proofs", "VC-JWT form", "(did:key",
				"rotating the credential keys changes the issuer id", "Credentials issued earlier keep the old issuer id");
		String dutch = mvc.perform(get("/admin/keys?lang=nl").with(httpBasic("admin", "test-admin-password"))).andReturn()
				.getResponse().getContentAsString();
		assertThat(dutch).contains("de credentialsleutels vervangen verandert de issuer-id", "minder dan een dag");
	}

	@Test
	void toolKeyRotationAsksFirstThenRotatesAndPublishesItsEventInTheTransaction() throws Exception {
		String before = toolKeys.current().getKeyID();
		assertThat(mvc.perform(get("/admin/keys/rotate").with(httpBasic("admin", "test-admin-password"))).andReturn()
				.getResponse().getContentAsString()).contains("Rotate the tool signing key?", "stays published");
		assertThat(toolKeys.current().getKeyID()).as("the confirmation page changes nothing").isEqualTo(before);

		String back = mvc.perform(post("/admin/keys/rotate").with(httpBasic("admin", "test-admin-password")).with(csrf()))
				.andReturn().getResponse().getRedirectedUrl();
		String after = toolKeys.current().getKeyID();
		assertThat(after).isNotEqualTo(before);
		assertThat(recorder.of(ToolKeysRotated.class)).containsExactly(new PublishedEvents.Seen(new ToolKeysRotated(after, "admin"), true));
		assertThat(mvc.perform(get(back).with(httpBasic("admin", "test-admin-password"))).andReturn().getResponse()
				.getContentAsString()).contains("New signing key " + after, "retired, published until");
		assertThat(toolKeys.published()).extracting(ToolKeys.PublishedKey::kid).contains(before, after);
	}

	@Test
	void scheduledRotationNamesTheSchedule() {
		String kid = toolKeys.rotate("schedule").getKeyID();
		assertThat(recorder.of(ToolKeysRotated.class)).containsExactly(new PublishedEvents.Seen(new ToolKeysRotated(kid, "schedule"), true));
	}

	@Test
	void credentialKeyRotationKeepsEarlierCredentialsVerifiableAndChangesTheDidKeyIssuer() throws Exception {
		OpenBadges3.Issued first = ob3.issue(fixtures.claimedMicroCredential("first@example.edu").award().id());
		String oldEd = credentialKeys.ed25519().kid();
		String oldRsa = credentialKeys.rsa().getKeyID();
		assertThat(mvc.perform(get("/admin/keys/credentials/rotate").with(httpBasic("admin", "test-admin-password")))
				.andReturn().getResponse().getContentAsString()).contains("Rotate the credential signing keys?", "The issuer id changes");
		assertThat(credentialKeys.ed25519().kid()).isEqualTo(oldEd);

		String back = mvc.perform(post("/admin/keys/credentials/rotate").with(httpBasic("admin", "test-admin-password")).with(csrf()))
				.andReturn().getResponse().getRedirectedUrl();
		String newEd = credentialKeys.ed25519().kid();
		String newRsa = credentialKeys.rsa().getKeyID();
		assertThat(newEd).isNotEqualTo(oldEd);
		assertThat(newRsa).isNotEqualTo(oldRsa);
		assertThat(recorder.of(CredentialKeysRotated.class)).containsExactly(new PublishedEvents.Seen(new CredentialKeysRotated(newEd + "," + newRsa, "admin"), true));
		assertThat(mvc.perform(get(back).with(httpBasic("admin", "test-admin-password"))).andReturn().getResponse()
				.getContentAsString()).contains("New credential keys " + newEd + ", " + newRsa, "keep the old issuer id");

		OpenBadges3.Issued second = ob3.issue(fixtures.claimedMicroCredential("second@example.edu").award().id());
		String firstIssuer = (String) JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(first.json()), "issuer").get("id");
		String secondIssuer = (String) JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(second.json()), "issuer").get("id");
		assertThat(secondIssuer).startsWith("did:key:").isNotEqualTo(firstIssuer);
		for (String earlier : List.of(first.json(), first.jwt(), second.json(), second.jwt())) {
			BadgeVerifier.Report report = verifier.verifyText(earlier, null);
			assertThat(report.checks()).as(report.toString()).anyMatch(c -> c.what().equals("Signature") && Boolean.TRUE.equals(c.ok()));
		}
		Map<String, Object> jwks = JSONObjectUtils.parse(mvc.perform(get("/ob3/keys")).andReturn().getResponse().getContentAsString());
		assertThat(jwks.toString()).contains(oldRsa, newRsa);
	}

	@Test
	void rotatingNeedsTheAdminAndTheFormToken() throws Exception {
		String before = credentialKeys.ed25519().kid();
		assertThat(mvc.perform(post("/admin/keys/credentials/rotate").with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(401);
		assertThat(mvc.perform(post("/admin/keys/credentials/rotate").with(httpBasic("admin", "test-admin-password")))
				.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(credentialKeys.ed25519().kid()).isEqualTo(before);
		assertThat(recorder.of(CredentialKeysRotated.class)).isEmpty();
	}
}
