package org.badgebridge.lms;

import java.time.Duration;

/**
 * The platform answered 429 or 503 with {@code Retry-After} (seconds or an HTTP date): it asks to be left alone until
 * {@link #retryAfter()} has passed. Not retried by the client: the caller pauses what it sends to that platform, then
 * sends again.
 */
public class PlatformBusy extends LmsCallFailed {

	private final Duration retryAfter;

	public PlatformBusy(String platform, String method, String url, int status, Duration retryAfter) {
		super(platform, method, url, status, "Retry-After " + retryAfter.toMillis() + " ms");
		this.retryAfter = retryAfter;
	}

	/** How long the platform asked to be left alone, from its answer. */
	public Duration retryAfter() {
		return retryAfter;
	}
}
