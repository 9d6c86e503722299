package org.badgebridge;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.badgebridge.platform.ToolKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing database from before secrets were protected at rest: a tool key stored as a plain private JWK, sent
 * claim and confirmation mails with their link and code. The application starting on it (migrations V24, V25) leaves
 * the key encrypted, still signing under the same kid with the same JWKS, and the delivered secrets removed; a mail
 * not yet sent keeps its link for delivery.
 */
@SpringBootTest
@ActiveProfiles("test")
class SecretsAtRestMigrationIntegrationTest {

	static final String URL = "jdbc:h2:mem:before-secrets-" + UUID.randomUUID()
			+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

	static RSAKey plainKey;

	@DynamicPropertySource
	static void databaseFromBefore(DynamicPropertyRegistry registry) throws Exception {
		Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2")
				.target(lastVersionBefore(24)).load().migrate();
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(URL, "sa", ""));
		long now = System.currentTimeMillis();
		plainKey = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyID(UUID.randomUUID().toString())
				.generate();
		jdbc.sql("insert into tool_key (kid, private_jwk, created_at) values (?,?,?)").params(plainKey.getKeyID(), plainKey.toJSONString(), now)
				.update();
		mail(jdbc, "claim:sent", "SENT", "Your badge", "Claim it: https://badges.example.edu/claim/SENTTOKEN", now);
		mail(jdbc, "claim:resent#1", "FAILED", "Your badge", "Claim it: https://badges.example.edu/claim/FAILEDTOKEN", now);
		mail(jdbc, "confirm:" + UUID.randomUUID(), "SENT", "Your BadgeBridge confirmation code: 123456", "Your code is 123456.", now);
		mail(jdbc, "claim:waiting", "QUEUED", "Your badge", "Claim it: https://badges.example.edu/claim/WAITINGTOKEN", now);
		mail(jdbc, "revoked:x", "SENT", "Your badge was revoked", "Revoked because of plagiarism.", now);
		registry.add("spring.datasource.url", () -> URL);
	}

	/** The schema just before this change (Flyway fails on a target no migration has). */
	static String lastVersionBefore(int version) throws java.io.IOException {
		try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
			return String.valueOf(files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*"))
					.mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).filter(v -> v < version).max().orElseThrow());
		}
	}

	static void mail(JdbcClient jdbc, String key, String status, String subject, String text, long now) {
		jdbc.sql("""
				insert into mail_outbox (id, dedup_key, recipient, subject, text_body, html_body, status, attempts, next_attempt_at,
				  created_at, sent_at) values (?,?,?,?,?,?,?,1,?,?,?)""")
				.params(UUID.randomUUID().toString(), key, "learner@example.edu", subject, text, "<p>" + text + "</p>", status, now, now,
						"SENT".equals(status) ? now : null)
				.update();
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ToolKeys toolKeys;

	Map<String, Object> mail(String key) {
		return jdbc.sql("select * from mail_outbox where dedup_key = ?").param(key).query().singleRow();
	}

	@Test
	void theStoredToolKeyIsEncryptedAndStillSignsUnderItsKid() throws Exception {
		String stored = jdbc.sql("select private_jwk from tool_key where kid = ?").param(plainKey.getKeyID()).query(String.class).single();
		assertThat(stored).startsWith("v1.").doesNotContain("\"d\"").doesNotContain(plainKey.getPrivateExponent().toString());

		assertThat(toolKeys.current().getKeyID()).isEqualTo(plainKey.getKeyID());
		assertThat(toolKeys.publicJwks().toJSONObject()).isEqualTo(new JWKSet(plainKey.toPublicJWK()).toJSONObject());
		SignedJWT jwt = SignedJWT.parse(toolKeys.sign(new JWTClaimsSet.Builder().issuer("badgebridge").build()));
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(plainKey.getKeyID());
		assertThat(jwt.verify(new RSASSAVerifier(plainKey.toRSAPublicKey()))).isTrue();

		String kid = toolKeys.rotate("test").getKeyID();
		assertThat(jdbc.sql("select private_jwk from tool_key where kid = ?").param(kid).query(String.class).single())
				.as("a new key is stored encrypted too").startsWith("v1.").doesNotContain("\"d\"");
	}

	@Test
	void deliveredSecretsAreRemovedAndAWaitingMailKeepsItsLink() {
		String note = "(removed after delivery: it held a one-time link or code)";
		assertThat(mail("claim:sent")).containsEntry("text_body", note).containsEntry("html_body", "<p>" + note + "</p>")
				.containsEntry("subject", "Your badge").containsEntry("recipient", "learner@example.edu").containsEntry("status", "SENT");
		assertThat(mail("claim:resent#1")).containsEntry("text_body", note);
		Map<String, Object> code = jdbc.sql("select * from mail_outbox where dedup_key like 'confirm:%'").query().singleRow();
		assertThat(List.of(code.get("subject"), code.get("text_body"), code.get("html_body")))
				.allSatisfy(part -> assertThat((String) part).doesNotContain("123456").contains(note));
		assertThat((String) mail("claim:waiting").get("text_body")).contains("WAITINGTOKEN");
		assertThat((String) mail("revoked:x").get("text_body")).contains("plagiarism");
	}
}
