package org.badgebridge.web;

/**
 * A request the caller may not make: no session (401), or a session that does not qualify for what it asks
 * (403: another course's badge, a learner posting a teacher's action). Answered with a page that says why: in the
 * page's language when the refusal names a message key (with its arguments), else in the English message.
 */
public class AccessRefused extends RuntimeException {

	private final int status;

	private final String key;

	private final transient Object[] args;

	public AccessRefused(int status, String message) {
		this(status, message, null);
	}

	public AccessRefused(int status, String message, String key, Object... args) {
		super(message);
		this.status = status;
		this.key = key;
		this.args = args == null ? new Object[0] : args.clone();
	}

	public int status() {
		return status;
	}

	/** The message key of the reason (bundles {@code i18n/*}), or null: then the English message is shown. */
	public String key() {
		return key;
	}

	public Object[] args() {
		return args.clone();
	}

	public static AccessRefused noSession(String message) {
		return new AccessRefused(401, message);
	}

	public static AccessRefused noSession(String message, String key, Object... args) {
		return new AccessRefused(401, message, key, args);
	}

	public static AccessRefused forbidden(String message) {
		return new AccessRefused(403, message);
	}

	public static AccessRefused forbidden(String message, String key, Object... args) {
		return new AccessRefused(403, message, key, args);
	}
}
