package org.badgebridge.launch.internal;

/**
 * A login or launch the tool refuses. The message is for an LMS admin ("this tool has no registration for
 * issuer X and client Y"); the status is 400 for a malformed request, 401 for a token or state that fails
 * validation, 403 for an unknown, pending or disabled registration or deployment.
 */
class LaunchRejected extends RuntimeException {

	private final int status;

	LaunchRejected(int status, String message) {
		super(message);
		this.status = status;
	}

	int status() {
		return status;
	}

	static LaunchRejected malformed(String message) {
		return new LaunchRejected(400, message);
	}

	static LaunchRejected invalid(String message) {
		return new LaunchRejected(401, message);
	}

	static LaunchRejected forbidden(String message) {
		return new LaunchRejected(403, message);
	}
}
