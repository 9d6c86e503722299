package org.badgebridge.credential;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * 1EdTech's JSON Schema for the OB 3.0 {@code AchievementCredential}, pinned in
 * {@code src/test/resources/ob3-schema} (see its README for the commit), read once and checked with networknt's
 * validator in the schema's own dialect (draft 2019-09). Nothing is fetched: the schema's references are all local.
 */
public final class AchievementCredentialSchema {

	public static final String RESOURCE = "/ob3-schema/ob_v3p0_achievementcredential_schema.json";

	private static final Schema SCHEMA = load();

	private AchievementCredentialSchema() {
	}

	private static Schema load() {
		try (InputStream in = AchievementCredentialSchema.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The pinned schema " + RESOURCE + " is missing from the test resources");
			}
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What the schema finds wrong with a credential (JSON), one line per error; empty when it conforms. */
	public static List<String> violations(String credentialJson) {
		return SCHEMA.validate(credentialJson, InputFormat.JSON).stream()
				.map(e -> e.getInstanceLocation() + " (" + e.getKeyword() + "): " + e.getMessage()).toList();
	}
}
