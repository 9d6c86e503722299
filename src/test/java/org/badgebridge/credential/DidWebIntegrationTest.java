package org.badgebridge.credential;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.platform.ToolUrls;
import org.badgebridge.support.NodeVerifiers;
import org.badgebridge.verification.internal.BadgeVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A production-like issuer: an https public URL and a did:web issuer id. The DID document lists every
 * credential key; credentials name the did:web as issuer and verify with our checks and with the independent
 * DCC libraries given that document. did:web on plain http is refused at start-up.
 */
@SpringBootTest(properties = { "badgebridge.public-url=https://badges.example.edu",
		"badgebridge.credentials.issuer-id=did:web:badges.example.edu",
		"badgebridge.credentials.context-url=https://badges.example.edu/contexts/microcredential-v1.json" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CredentialFixtures.class)
class DidWebIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	BadgeVerifier verifier;

	@Autowired
	JsonLdContexts contexts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CredentialKeys keys;

	@Test
	@SuppressWarnings("unchecked")
	void didWebDocumentListsTheKeysAndCredentialsVerifyAgainstIt() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("sue@example.edu");
		OpenBadges3.Issued issued = ob3.issue(made.award().id());
		Map<String, Object> credential = JSONObjectUtils.parse(issued.json());
		assertThat(JSONObjectUtils.getJSONObject(credential, "issuer")).containsEntry("id", "did:web:badges.example.edu");
		assertThat(JSONObjectUtils.getJSONObjectArray(credential, "proof")[0].get("verificationMethod").toString())
				.startsWith("did:web:badges.example.edu#ed-");

		var response = mvc.perform(get("/.well-known/did.json")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/did+json");
		Map<String, Object> did = JSONObjectUtils.parse(response.getContentAsString());
		assertThat(did).containsEntry("id", "did:web:badges.example.edu");
		List<Object> methods = (List<Object>) did.get("verificationMethod");
		assertThat(methods).hasSize(jdbc.sql("select count(*) from credential_key").query(Integer.class).single());
		assertThat(response.getContentAsString()).doesNotContain("\"d\"");

		assertThat(verifier.verifyText(issued.json(), null).checks())
				.anyMatch(c -> c.what().equals("Signature") && Boolean.TRUE.equals(c.ok()));
		BadgeVerifier.Report jwt = verifier.verifyText(issued.jwt(), null);
		assertThat(jwt.checks()).as(jwt.toString()).anyMatch(c -> c.what().equals("Signature") && Boolean.TRUE.equals(c.ok()));

		Path dir = Files.createTempDirectory("didweb");
		Path file = Files.writeString(dir.resolve("credential.json"), issued.json());
		Path didFile = Files.writeString(dir.resolve("did.json"), response.getContentAsString());
		Path context = Files.writeString(dir.resolve("context.json"), contexts.microCredentialContext(), StandardCharsets.UTF_8);
		Map<String, Object> external = NodeVerifiers.run("di-web", file, didFile.toString(),
				"https://badges.example.edu/contexts/microcredential-v1.json", context.toString());
		assertThat(external).as(external.toString()).containsEntry("verified", true);
		Path tampered = Files.writeString(dir.resolve("tampered.json"), issued.json().replace("Data Literacy", "Data Mastery"));
		assertThat(NodeVerifiers.run("di-web", tampered, didFile.toString(), "https://badges.example.edu/contexts/microcredential-v1.json",
				context.toString())).containsEntry("verified", false);
	}

	@Test
	void rotatedKeysStayInTheDidDocumentAndTheIssuerIdStays() throws Exception {
		OpenBadges3.Issued before = ob3.issue(fixtures.claimedMicroCredential("before@example.edu").award().id());
		String oldEd = keys.ed25519().kid();
		String oldRsa = keys.rsa().getKeyID();
		String ids = keys.rotate("admin");
		assertThat(ids).doesNotContain(oldEd).doesNotContain(oldRsa);
		String did = mvc.perform(get("/.well-known/did.json")).andReturn().getResponse().getContentAsString();
		assertThat(did).contains("did:web:badges.example.edu#" + oldEd, "did:web:badges.example.edu#" + oldRsa,
				"did:web:badges.example.edu#" + keys.ed25519().kid(), "did:web:badges.example.edu#" + keys.rsa().getKeyID());
		OpenBadges3.Issued after = ob3.issue(fixtures.claimedMicroCredential("after@example.edu").award().id());
		assertThat(JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(after.json()), "issuer")).containsEntry("id", "did:web:badges.example.edu");
		for (String credential : List.of(before.json(), before.jwt(), after.json(), after.jwt())) {
			BadgeVerifier.Report report = verifier.verifyText(credential, null);
			assertThat(report.checks()).as(report.toString()).anyMatch(c -> c.what().equals("Signature") && Boolean.TRUE.equals(c.ok()));
		}
		assertThat(mvc.perform(get("/admin/keys").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.httpBasic("admin", "test-admin-password"))).andReturn().getResponse().getContentAsString())
				.contains("(did:web)", "rotating the keys does not change the issuer id");
	}

	@Test
	void didWebIsRefusedOnPlainHttpAndMustBeADidWeb() {
		assertThatThrownBy(() -> new CredentialSettings("did:web:badges.example.edu", "", new ToolUrls("http://localhost:8080"), jdbc))
				.hasMessageContaining("plain http");
		assertThatThrownBy(() -> new CredentialSettings("https://badges.example.edu", "", new ToolUrls("https://badges.example.edu"), jdbc))
				.hasMessageContaining("must be did:web");
		assertThat(new CredentialSettings("did:web:badges.example.edu", "", new ToolUrls("https://badges.example.edu"), jdbc).didWeb()).isTrue();
	}
}
