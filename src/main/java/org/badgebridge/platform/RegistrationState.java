package org.badgebridge.platform;

/** Whether a platform registration may launch the tool. */
public enum RegistrationState {
	/** Launches accepted. */
	ACTIVE,
	/** Registered (usually by Dynamic Registration) and waiting for an admin. */
	PENDING,
	/** Switched off by an admin. */
	DISABLED;

	public static RegistrationState parse(String value) {
		return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
	}
}
