package org.badgebridge.award;

import org.springframework.context.MessageSourceResolvable;

/**
 * An award action refused (revoke, suspend, approval requests and decisions), and why: in English (the message, for
 * the log) and as a message key for the page ({@code common.error.award.*}; pages resolve it through Spring's
 * {@link MessageSourceResolvable}, so {@code award} needs no web module).
 */
public class AwardRefused extends IllegalArgumentException implements MessageSourceResolvable {

	private final String key;

	AwardRefused(String message, String key) {
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
