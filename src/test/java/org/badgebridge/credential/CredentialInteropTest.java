package org.badgebridge.credential;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.badgebridge.BadgeBridgeApplication;
import org.badgebridge.award.Awards;
import org.badgebridge.support.FreePort;
import org.badgebridge.support.NodeVerifiers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credentials BadgeBridge issues, checked by verifiers that share no code with it (npm, offline): the DCC
 * verifier-core accepts the Data Integrity proof and reads the status list the tool serves, and rejects a
 * tampered copy and a revoked credential; jose verifies the VC-JWT against the published keys; an independent
 * PNG chunk reader finds the baked credential. The tool runs for real on a port, because verifiers fetch our
 * context and status list from the URLs in the credential.
 */
class CredentialInteropTest {

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

	static Path write(Path dir, String name, byte[] bytes) throws Exception {
		Path file = dir.resolve(name);
		Files.write(file, bytes);
		return file;
	}

	@Test
	@SuppressWarnings("unchecked")
	void independentVerifiersAcceptOurCredentialAndNoticeTamperingAndRevocation() throws Exception {
		CredentialFixtures fixtures = new CredentialFixtures(app.getBean(org.badgebridge.platform.Registrations.class),
				app.getBean(org.badgebridge.course.Courses.class), app.getBean(org.badgebridge.badge.Badges.class), app.getBean(Awards.class));
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("sue@example.edu");
		OpenBadges3 ob3 = app.getBean(OpenBadges3.class);
		OpenBadges3.Issued issued = ob3.issue(made.award().id());
		Path dir = Files.createTempDirectory("interop");

		Map<String, Object> valid = NodeVerifiers.verifyCredential(write(dir, "valid.json", issued.json().getBytes(StandardCharsets.UTF_8)));
		assertThat((Map<String, Object>) valid.get("log")).as(valid.toString()).containsEntry("valid_signature", true)
				.containsEntry("expiration", true).containsEntry("revocation_status", true);
		assertThat((java.util.List<?>) valid.get("errors")).as(valid.toString()).isEmpty();
		assertThat((java.util.List<Map<String, Object>>) valid.get("schema")).as("verifier-core's own check (ajv) against the pinned schema")
				.singleElement().satisfies(result -> assertThat(result).containsEntry("valid", true));

		String tampered = issued.json().replace("\"Data Literacy\"", "\"Data Mastery\"");
		assertThat(tampered).isNotEqualTo(issued.json());
		Map<String, Object> bad = NodeVerifiers.verifyCredential(write(dir, "tampered.json", tampered.getBytes(StandardCharsets.UTF_8)));
		assertThat(bad.toString()).as("tampered copy").containsAnyOf("valid_signature=false", "invalid_signature");

		Map<String, Object> jwt = NodeVerifiers.run("jwt", write(dir, "credential.jwt", issued.jwt().getBytes(StandardCharsets.UTF_8)),
				base + "/ob3/keys");
		assertThat(jwt).as(jwt.toString()).containsEntry("verified", true).containsEntry("alg", "RS256").containsEntry("claimsMatch", true);
		String forged = issued.jwt().substring(0, issued.jwt().lastIndexOf('.') + 1) + "AAAA";
		assertThat(NodeVerifiers.run("jwt", write(dir, "forged.jwt", forged.getBytes(StandardCharsets.UTF_8)), base + "/ob3/keys"))
				.containsEntry("verified", false);

		byte[] png = app.getBean(CredentialDownloads.class).bakedPng(issued).getBody();
		Map<String, Object> baked = NodeVerifiers.run("png", write(dir, "baked.png", png), CredentialDownloads.OB3_KEYWORD);
		assertThat(baked).containsEntry("found", true).containsEntry("compressed", false).containsEntry("text", issued.json());

		app.getBean(Awards.class).revoke(made.award().id(), "teacher:3", "Plagiarism found");
		Map<String, Object> revoked = NodeVerifiers.verifyCredential(write(dir, "revoked.json", issued.json().getBytes(StandardCharsets.UTF_8)));
		assertThat((Map<String, Object>) revoked.get("log")).as(revoked.toString()).containsEntry("valid_signature", true)
				.containsEntry("revocation_status", false);
	}
}
