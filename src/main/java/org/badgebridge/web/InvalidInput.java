package org.badgebridge.web;

/**
 * A form value the person must correct: which field, and what is wrong with it in words they can act on (in the page's
 * language when a message key is given, else the English message).
 */
public class InvalidInput extends IllegalArgumentException {

	private final String field;

	private final String key;

	private final transient Object[] args;

	public InvalidInput(String field, String message) {
		this(field, message, null);
	}

	public InvalidInput(String field, String message, String key, Object... args) {
		super(message);
		this.field = field;
		this.key = key;
		this.args = args == null ? new Object[0] : args.clone();
	}

	public String field() {
		return field;
	}

	/** The message key (bundles {@code i18n/*}), or null: then the English message is shown. */
	public String key() {
		return key;
	}

	public Object[] args() {
		return args.clone();
	}

	public Notice notice() {
		return field == null ? Notice.error(getMessage()) : Notice.field(field, getMessage());
	}
}
