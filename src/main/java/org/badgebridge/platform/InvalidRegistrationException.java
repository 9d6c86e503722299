package org.badgebridge.platform;

import org.badgebridge.infrastructure.Explained;

/**
 * A registration value was refused; the message names the field and says why in English (logs and the JSON API),
 * the key with its arguments says it on the admin page in the page's language ({@code admin.error.registration.*}).
 */
public class InvalidRegistrationException extends RuntimeException implements Explained {

	private final String field;

	private final String key;

	private final transient Object[] args;

	public InvalidRegistrationException(String field, String message) {
		this(field, message, null);
	}

	public InvalidRegistrationException(String field, String message, String key, Object... args) {
		super(message);
		this.field = field;
		this.key = key;
		this.args = args == null ? new Object[0] : args.clone();
	}

	public String field() {
		return field;
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
