package org.badgebridge.badge;

/** A badge value was refused; the message says which and why. */
public class InvalidBadgeException extends RuntimeException {

	public InvalidBadgeException(String message) {
		super(message);
	}
}
