package org.badgebridge.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts private keys at rest (today the credential signing keys; any module's keys may use it): AES-256-GCM
 * with a key from configuration ({@code badgebridge.credentials.key-encryption-key}, 32 bytes in base64; the name
 * is kept so that existing deployments keep working), a fresh 96-bit nonce per value and the key id as associated
 * data (a value cannot be moved to another key's row). Only the embedded default (H2) makes its own key: kept in
 * memory for an in-memory database, in a file beside a file database.
 * <p>
 * Key ids are the associated data, so they must be unique across every user of this class (prefix them, e.g.
 * with the module's name, if two kinds of key could share an id).
 */
@Component
public class KeyEncryption {

	private static final Logger log = LoggerFactory.getLogger(KeyEncryption.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String PREFIX = "v1.";

	private final SecretKey key;

	public KeyEncryption(@Value("${badgebridge.credentials.key-encryption-key:}") String configured,
			@Value("${badgebridge.credentials.key-encryption-key-file:./data/credential-key-encryption.key}") String file,
			@Value("${spring.datasource.url:}") String datasource) {
		this.key = new SecretKeySpec(keyBytes(configured, Path.of(file), datasource), "AES");
	}

	private static byte[] keyBytes(String configured, Path file, String datasource) {
		if (configured != null && !configured.isBlank()) {
			byte[] bytes = decode(configured.trim());
			if (bytes == null || bytes.length != 32) {
				throw new IllegalStateException("badgebridge.credentials.key-encryption-key must be 32 random bytes in base64 "
						+ "(e.g. the output of: openssl rand -base64 32)");
			}
			return bytes;
		}
		if (datasource.startsWith("jdbc:h2:mem:")) {
			return random();
		}
		if (!datasource.startsWith("jdbc:h2:")) {
			throw new IllegalStateException("Set BADGEBRIDGE_CREDENTIALS_KEY_ENCRYPTION_KEY (32 random bytes in base64, e.g. "
					+ "openssl rand -base64 32): it encrypts the private signing keys in the database. Keep it safe: "
					+ "without it none of the existing keys can be used.");
		}
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
			}
			byte[] bytes = random();
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ignored) {
				// not a POSIX file system
			}
			log.warn("Generated the key-encryption key in {} (embedded default). Elsewhere set "
					+ "BADGEBRIDGE_CREDENTIALS_KEY_ENCRYPTION_KEY.", file.toAbsolutePath().normalize());
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static byte[] random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	/** Seals a private key's bytes for storage: {@code v1.} + base64(nonce + ciphertext + tag). */
	public String encrypt(byte[] plain, String keyId) {
		try {
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain);
			return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Opens a value {@link #encrypt} made for the same key id; fails with a message naming the setting if the key differs. */
	public byte[] decrypt(String stored, String keyId) {
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalStateException("Key " + keyId + " is not in an encrypted form this version knows");
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
			cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(all, 12, all.length - 12);
		}
		catch (javax.crypto.AEADBadTagException ex) {
			throw new IllegalStateException("Key " + keyId + " cannot be decrypted: badgebridge.credentials."
					+ "key-encryption-key is not the key it was encrypted with", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
