package org.badgebridge.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** The one-time tokens and session ids of the account (256 random bits; only their SHA-256 is stored), and addresses as compared. */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	static String token() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An address as stored and compared: trimmed, lower case; null when it is no address. */
	static String address(String value) {
		String a = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
		return a.length() <= 320 && a.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? a : null;
	}
}
