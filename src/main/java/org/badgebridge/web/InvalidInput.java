package org.badgebridge.web;

/** A form value the person must correct: which field, and what is wrong with it in words they can act on. */
public class InvalidInput extends IllegalArgumentException {

	private final String field;

	public InvalidInput(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

	public Notice notice() {
		return field == null ? Notice.error(getMessage()) : Notice.field(field, getMessage());
	}
}
