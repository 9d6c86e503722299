package org.badgebridge.platform;

/** A registration value was refused; the message names the field and says why. */
public class InvalidRegistrationException extends RuntimeException {

	private final String field;

	public InvalidRegistrationException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
