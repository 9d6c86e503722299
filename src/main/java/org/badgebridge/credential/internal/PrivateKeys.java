package org.badgebridge.credential.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.badgebridge.infrastructure.KeyEncryption;

/** Reads and seals the private part of a credential key, encrypted with {@link KeyEncryption}. */
@Component
public class PrivateKeys {

	private final JdbcClient jdbc;

	private final KeyEncryption encryption;

	PrivateKeys(JdbcClient jdbc, KeyEncryption encryption) {
		this.jdbc = jdbc;
		this.encryption = encryption;
	}

	public String encrypt(byte[] plain, String kid) {
		return encryption.encrypt(plain, kid);
	}

	public byte[] decrypt(String kid) {
		String stored = jdbc.sql("select private_encrypted from credential_key where kid=?").param(kid).query(String.class).single();
		return encryption.decrypt(stored, kid);
	}
}
