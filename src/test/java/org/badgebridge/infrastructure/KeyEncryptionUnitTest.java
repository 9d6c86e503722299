package org.badgebridge.infrastructure;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyEncryptionUnitTest {

	static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

	@Test
	void sealsAndOpensAndBindsTheValueToItsKeyId() {
		KeyEncryption e = new KeyEncryption(KEY, "unused", "jdbc:mysql://db/x");
		String sealed = e.encrypt("secret".getBytes(StandardCharsets.UTF_8), "k1");
		assertThat(sealed).startsWith("v1.").doesNotContain("secret");
		assertThat(new String(e.decrypt(sealed, "k1"), StandardCharsets.UTF_8)).isEqualTo("secret");
		assertThat(e.encrypt("secret".getBytes(StandardCharsets.UTF_8), "k1")).as("fresh nonce").isNotEqualTo(sealed);
		assertThatThrownBy(() -> e.decrypt(sealed, "k2")).as("moved to another row").hasMessageContaining("cannot be decrypted");
	}

	@Test
	void outsideTheEmbeddedDefaultTheKeyMustBeConfigured() {
		assertThatThrownBy(() -> new KeyEncryption("", "unused", "jdbc:mysql://db/x"))
				.hasMessageContaining("BADGEBRIDGE_CREDENTIALS_KEY_ENCRYPTION_KEY");
		assertThatThrownBy(() -> new KeyEncryption("too-short", "unused", "jdbc:mysql://db/x")).hasMessageContaining("32 random bytes");
	}
}
