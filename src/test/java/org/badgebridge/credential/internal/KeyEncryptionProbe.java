package org.badgebridge.credential.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reaches the package-private key encryption from tests of the credential module. */
public final class KeyEncryptionProbe {

	private KeyEncryptionProbe() {
	}

	/** A value sealed with one key cannot be opened with another, and the error says which setting is wrong. */
	public static void assertWrongKeyFails(String stored, String kid) {
		KeyEncryption other = new KeyEncryption(java.util.Base64.getEncoder().encodeToString(new byte[32]), "unused", "jdbc:h2:mem:x");
		assertThatThrownBy(() -> other.decrypt(stored, kid)).hasMessageContaining("key-encryption-key is not the key");
	}
}
