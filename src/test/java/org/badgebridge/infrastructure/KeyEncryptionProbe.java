package org.badgebridge.infrastructure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checks, for tests of the modules that store keys, that a value sealed with one key cannot be opened with another. */
public final class KeyEncryptionProbe {

	private KeyEncryptionProbe() {
	}

	/** A value sealed with one key cannot be opened with another, and the error says which setting is wrong. */
	public static void assertWrongKeyFails(String stored, String kid) {
		KeyEncryption other = new KeyEncryption(java.util.Base64.getEncoder().encodeToString(new byte[32]), "unused", "jdbc:h2:mem:x");
		assertThatThrownBy(() -> other.decrypt(stored, kid)).hasMessageContaining("key-encryption-key is not the key");
	}
}
