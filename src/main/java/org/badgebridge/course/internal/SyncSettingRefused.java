package org.badgebridge.course.internal;

import org.badgebridge.infrastructure.Explained;

/** A sync setting the admin gave that cannot be used; names the form field it belongs to. */
public class SyncSettingRefused extends RuntimeException implements Explained {

	private final String field;

	private final String key;

	private final transient Object[] arguments;

	SyncSettingRefused(String field, String message, String key, Object... arguments) {
		super(message);
		this.field = field;
		this.key = key;
		this.arguments = arguments;
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
		return arguments;
	}
}
