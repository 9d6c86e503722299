package org.badgebridge.launch.internal;

/**
 * A login or launch the tool refuses. The message is for an LMS admin ("this tool has no registration for
 * issuer X and client Y"); the status is 400 for a malformed request, 401 for a token or state that fails
 * validation, 403 for an unknown, pending or disabled registration or deployment.
 */
class LaunchRejected extends RuntimeException {

	private final int status;

	private final String key;

	private final transient Object[] args;

	LaunchRejected(int status, String message) {
		this(status, message, null);
	}

	LaunchRejected(int status, String message, String key, Object... args) {
		super(message);
		this.status = status;
		this.key = key;
		this.args = args == null ? new Object[0] : args.clone();
	}

	int status() {
		return status;
	}

	/** The message key of the reason shown to people (bundle {@code i18n/messages}), or null: the English message. */
	String key() {
		return key;
	}

	Object[] args() {
		return args.clone();
	}

	/** The same refusal, shown in the page's language from {@code key} (with {@code args}); logged in English. */
	LaunchRejected keyed(String key, Object... args) {
		return new LaunchRejected(status, getMessage(), key, args);
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
