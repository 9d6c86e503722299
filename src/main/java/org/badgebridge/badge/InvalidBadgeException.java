package org.badgebridge.badge;

import org.badgebridge.infrastructure.Explained;

/**
 * A badge value was refused; the message says which and why in English (for the log), and the key with its arguments
 * says it in the page's language (bundle {@code i18n/messages}, {@code common.error.badge.*}).
 */
public class InvalidBadgeException extends RuntimeException implements Explained {

	private final String key;

	private final transient Object[] args;

	public InvalidBadgeException(String message) {
		this(message, null);
	}

	public InvalidBadgeException(String message, String key, Object... args) {
		super(message);
		this.key = key;
		this.args = args == null ? new Object[0] : args.clone();
	}

	@Override
	public String messageKey() {
		return key;
	}

	@Override
	public Object[] messageArguments() {
		return args.clone();
	}
}
