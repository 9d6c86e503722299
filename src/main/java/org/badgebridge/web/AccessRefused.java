package org.badgebridge.web;

/**
 * A request the caller may not make: no session (401), or a session that does not qualify for what it asks
 * (403: another course's badge, a learner posting a teacher's action). Answered with a page that says why.
 */
public class AccessRefused extends RuntimeException {

	private final int status;

	public AccessRefused(int status, String message) {
		super(message);
		this.status = status;
	}

	public int status() {
		return status;
	}

	public static AccessRefused noSession(String message) {
		return new AccessRefused(401, message);
	}

	public static AccessRefused forbidden(String message) {
		return new AccessRefused(403, message);
	}
}
