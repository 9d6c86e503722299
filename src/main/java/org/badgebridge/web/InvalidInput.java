package org.badgebridge.web;

import org.springframework.context.MessageSourceResolvable;

/**
 * A form value the person must correct: which field, and what is wrong with it in words they can act on (in the page's
 * language when a message key is given, else the English message).
 */
public class InvalidInput extends IllegalArgumentException implements MessageSourceResolvable {

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

	/**
	 * The field a domain refusal concerns, in the page's language when the refusal names a key (it is a
	 * {@link MessageSourceResolvable}); its English message stays for the log.
	 */
	public static InvalidInput of(String field, RuntimeException refusal) {
		if (refusal instanceof MessageSourceResolvable r && r.getCodes() != null && r.getCodes().length > 0) {
			return new InvalidInput(field, refusal.getMessage(), r.getCodes()[0], r.getArguments());
		}
		return new InvalidInput(field, refusal.getMessage());
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

	@Override
	public String[] getCodes() {
		return key == null ? null : new String[] { key };
	}

	@Override
	public Object[] getArguments() {
		return args();
	}

	@Override
	public String getDefaultMessage() {
		return getMessage();
	}
}
