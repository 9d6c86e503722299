package org.badgebridge.audit.internal;

/** What an audit row records. */
public enum AuditAction {
	AWARDED, AWARDED_BY_HAND, REVOKED, SUSPENDED, REINSTATED, APPROVED, DENIED, REGISTRATION_CHANGED, TOOL_KEY_ROTATED,
	CREDENTIAL_KEY_ROTATED, ADMIN_SIGNED_IN, ACCOUNT_CREATED, ACCOUNT_ADDRESS_ADDED, ACCOUNT_ADDRESS_CONFIRMED, ACCOUNT_LMS_LINKED,
	ACCOUNT_MERGE_REQUESTED, ACCOUNT_MERGED, ACCOUNT_SIGNED_IN, ACCOUNT_DATA_EXPORTED, ACCOUNT_DELETED, ACCOUNT_RETENTION_PURGE,
	ACCOUNT_OTHER;

	/** The action of an account event's change ({@code CREATED}, {@code ACCOUNT_DELETED}, {@code RETENTION_PURGE}, …). */
	static AuditAction ofAccountChange(String change) {
		String name = change.startsWith("ACCOUNT_") ? change : "ACCOUNT_" + change;
		try {
			return valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return ACCOUNT_OTHER;
		}
	}
}
