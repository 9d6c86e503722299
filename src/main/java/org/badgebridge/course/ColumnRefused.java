package org.badgebridge.course;

import org.springframework.context.MessageSourceResolvable;

/**
 * A gradebook column the tool will not create, and why: in English (the message, for the log) and as a message key
 * with its arguments for the page ({@code common.error.column.*}; pages resolve it through Spring's
 * {@link MessageSourceResolvable}, so {@code course} needs no web module).
 */
public class ColumnRefused extends IllegalArgumentException implements MessageSourceResolvable {

	private final String key;

	ColumnRefused(String message, String key) {
		super(message);
		this.key = key;
	}

	@Override
	public String[] getCodes() {
		return new String[] { key };
	}

	@Override
	public Object[] getArguments() {
		return new Object[0];
	}

	@Override
	public String getDefaultMessage() {
		return getMessage();
	}
}
