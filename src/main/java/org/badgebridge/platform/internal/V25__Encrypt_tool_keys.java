package org.badgebridge.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import org.badgebridge.infrastructure.KeyEncryption;
import org.badgebridge.platform.ToolKeys;

/**
 * Migration V25: encrypts the tool's private keys that earlier versions stored in plain text (a JSON JWK), as
 * {@link ToolKeys} now stores them. A Spring bean, so that Flyway (which runs every
 * {@code JavaMigration} bean with the scripts) encrypts with the same {@link KeyEncryption} the application uses;
 * kids, and so the published JWKS and the key that signs, stay the same.
 */
@Component
class V25__Encrypt_tool_keys extends BaseJavaMigration {

	private final KeyEncryption encryption;

	V25__Encrypt_tool_keys(KeyEncryption encryption) {
		this.encryption = encryption;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		Map<String, String> plain = new LinkedHashMap<>();
		try (Statement select = connection.createStatement();
				ResultSet rs = select.executeQuery("select kid, private_jwk from tool_key")) {
			while (rs.next()) {
				if (rs.getString(2).trim().startsWith("{")) {
					plain.put(rs.getString(1), rs.getString(2).trim());
				}
			}
		}
		try (PreparedStatement update = connection.prepareStatement("update tool_key set private_jwk = ? where kid = ?")) {
			for (Map.Entry<String, String> key : plain.entrySet()) {
				update.setString(1, ToolKeys.seal(encryption, key.getValue(), key.getKey()));
				update.setString(2, key.getKey());
				update.executeUpdate();
			}
		}
	}
}
