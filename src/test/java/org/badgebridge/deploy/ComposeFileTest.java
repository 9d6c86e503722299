package org.badgebridge.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker/compose.yaml} against the compose-spec JSON Schema pinned in
 * {@code src/test/resources/compose-spec} (see its README), and the settings the deployment relies on.
 * No Docker engine runs here: this checks the file, not a running stack.
 */
class ComposeFileTest {

	static Schema composeSpec() throws IOException {
		try (InputStream in = ComposeFileTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
			// its "$id" is relative (compose_spec.json): resolved against the classpath copy's location
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
					.getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"), in, InputFormat.JSON);
		}
	}

	@Test
	void theComposeFileIsValidAgainstTheComposeSpecification() throws IOException {
		List<Error> errors = composeSpec().validate(ComposeFile.read().text(), InputFormat.YAML);
		assertThat(errors).isEmpty();
	}

	@Test
	void theSchemaRejectsAFileThatBreaksTheSpecification() throws IOException {
		String broken = ComposeFile.read().text().replace("    restart: unless-stopped\n", "    restart: [sometimes]\n");
		assertThat(broken).isNotEqualTo(ComposeFile.read().text());
		assertThat(composeSpec().validate(broken, InputFormat.YAML)).isNotEmpty();
	}

	@Test
	void theToolRunsOnTheTestedMariaDbWithMailAndWithoutTheDemo() {
		ComposeFile compose = ComposeFile.read();
		assertThat(compose.service("mariadb").get("image")).isEqualTo("mariadb:10.11");
		assertThat(compose.service("mail").get("image")).asString().startsWith("axllent/mailpit:");
		assertThat(compose.toolEnvironment())
				.containsEntry("SPRING_DATASOURCE_URL", "jdbc:mysql://mariadb:3306/badgebridge")
				.containsEntry("SPRING_MAIL_HOST", "mail")
				.containsEntry("SPRING_MAIL_PORT", "1025")
				.containsEntry("BADGEBRIDGE_DEMO_ENABLED", "false")
				.containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "BADGEBRIDGE_PUBLIC_URL",
						"BADGEBRIDGE_ADMIN_PASSWORD", "BADGEBRIDGE_CREDENTIALS_KEY_ENCRYPTION_KEY",
						"BADGEBRIDGE_CREDENTIALS_ISSUER_ID");
	}
}
