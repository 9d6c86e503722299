package org.badgebridge.credential;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Every OB 3.0 credential the test suite mints (its JSON and its VC-JWT's payload) is validated against 1EdTech's
 * pinned JSON Schema before it is stored or handed out; one that does not conform throws, so the minting request
 * or test fails. A component in the test sources under {@code org.badgebridge}, so every Spring context the tests
 * start (integration, MockMvc, browser and demo end-to-end tests) picks it up by component scanning. Benchmarks of
 * issuing may switch it off ({@code badgebridge.test.schema-check=false}): production has no such check.
 */
@Component
@ConditionalOnProperty(name = "badgebridge.test.schema-check", havingValue = "true", matchIfMissing = true)
class SchemaCheckedCredentials implements MintedCredentialCheck {

	/** How many credentials were validated (tests assert the hook is live). */
	static final AtomicInteger CHECKED = new AtomicInteger();

	@Override
	public void check(String credentialJson) {
		List<String> violations = AchievementCredentialSchema.violations(credentialJson);
		if (!violations.isEmpty()) {
			throw new AssertionError("An issued OB 3.0 credential does not conform to 1EdTech's AchievementCredential schema:\n  "
					+ String.join("\n  ", violations) + "\n" + credentialJson);
		}
		CHECKED.incrementAndGet();
	}
}
