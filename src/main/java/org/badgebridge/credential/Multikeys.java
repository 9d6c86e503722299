package org.badgebridge.credential;

import java.util.Arrays;

/**
 * Multikey encodings of Ed25519 public keys ({@code z} + base58btc of the multicodec prefix {@code 0xed01} and
 * the 32 key bytes), as {@code did:key} and Data Integrity verification methods use them.
 */
public final class Multikeys {

	private static final byte[] ED25519_PUB = { (byte) 0xed, 0x01 };

	private static final byte[] ED25519_X509_PREFIX = java.util.HexFormat.of().parseHex("302a300506032b6570032100");

	private Multikeys() {
	}

	/** Whether {@code signature} is the Ed25519 signature of {@code data} by the raw 32-byte public key (JDK EdDSA). */
	public static boolean verifyEd25519(byte[] raw, byte[] data, byte[] signature) {
		try {
			byte[] x509 = new byte[ED25519_X509_PREFIX.length + raw.length];
			System.arraycopy(ED25519_X509_PREFIX, 0, x509, 0, ED25519_X509_PREFIX.length);
			System.arraycopy(raw, 0, x509, ED25519_X509_PREFIX.length, raw.length);
			java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
			verifier.initVerify(java.security.KeyFactory.getInstance("Ed25519")
					.generatePublic(new java.security.spec.X509EncodedKeySpec(x509)));
			verifier.update(data);
			return verifier.verify(signature);
		}
		catch (java.security.GeneralSecurityException ex) {
			return false;
		}
	}

	/** {@code z} + base58btc, as Data Integrity proof values are written. */
	public static String base58btc(byte[] value) {
		return com.apicatalog.multibase.Multibase.BASE_58_BTC.encode(value);
	}

	public static java.util.Optional<byte[]> decodeBase58btc(String multibase) {
		try {
			if (multibase == null || !multibase.startsWith("z") || multibase.length() > 200) {
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(com.apicatalog.multibase.Multibase.BASE_58_BTC.decode(multibase));
		}
		catch (RuntimeException ex) {
			return java.util.Optional.empty();
		}
	}

	public static String ed25519PublicKey(byte[] raw) {
		byte[] value = new byte[34];
		System.arraycopy(ED25519_PUB, 0, value, 0, 2);
		System.arraycopy(raw, 0, value, 2, 32);
		return com.apicatalog.multibase.Multibase.BASE_58_BTC.encode(value);
	}

	/** The raw key of a {@code z6Mk...} value; empty when it is not an Ed25519 Multikey. */
	public static java.util.Optional<byte[]> decodeEd25519(String multibase) {
		try {
			if (multibase == null || !multibase.startsWith("z") || multibase.length() > 100) {
				return java.util.Optional.empty();
			}
			byte[] value = com.apicatalog.multibase.Multibase.BASE_58_BTC.decode(multibase);
			if (value.length != 34 || value[0] != ED25519_PUB[0] || value[1] != ED25519_PUB[1]) {
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(Arrays.copyOfRange(value, 2, 34));
		}
		catch (RuntimeException ex) {
			return java.util.Optional.empty();
		}
	}
}
