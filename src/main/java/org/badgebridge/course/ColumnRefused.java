package org.badgebridge.course;

import org.badgebridge.infrastructure.Explained;

/**
 * A gradebook column the tool will not create, and why: in English (the message, for the log) and as a message key
 * with its arguments for the page ({@code common.error.column.*}; pages resolve it as
 * {@link org.badgebridge.infrastructure.Explained}).
 */
public class ColumnRefused extends IllegalArgumentException implements Explained {

	private final String key;

	ColumnRefused(String message, String key) {
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
