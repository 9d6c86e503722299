package org.badgebridge.award;

import org.badgebridge.infrastructure.Explained;

/**
 * An award action refused (revoke, suspend, approval requests and decisions), and why: in English (the message, for
 * the log) and as a message key for the page ({@code common.error.award.*}; pages resolve it as
 * {@link org.badgebridge.infrastructure.Explained}).
 */
public class AwardRefused extends IllegalArgumentException implements Explained {

	private final String key;

	AwardRefused(String message, String key) {
		super(message);
		this.key = key;
	}

	@Override
	public String messageKey() {
		return key;
	}

	@Override
	public Object[] messageArguments() {
		return new Object[0];
	}
}
