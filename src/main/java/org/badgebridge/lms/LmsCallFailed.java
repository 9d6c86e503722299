package org.badgebridge.lms;

import org.badgebridge.infrastructure.Explained;

/**
 * A call to a platform's service that did not succeed (after the retries it deserved). The message says which
 * platform, which URL and what status, so that it can be shown on a sync record as it is; a page shows a short
 * sentence in its language instead (key {@code common.error.lms.status} or {@code .noAnswer}, with the platform and
 * the status), the message going to the log.
 */
public class LmsCallFailed extends RuntimeException implements Explained {

	private final String platform;

	private final String url;

	private final int status;

	public LmsCallFailed(String platform, String method, String url, int status, String detail) {
		super(platform + ": " + method + " " + url + (status > 0 ? " answered HTTP " + status : " failed")
				+ (detail == null || detail.isBlank() ? "" : ": " + detail));
		this.platform = platform;
		this.url = url;
		this.status = status;
	}

	@Override
	public String messageKey() {
		return status > 0 ? "common.error.lms.status" : "common.error.lms.noAnswer";
	}

	@Override
	public Object[] messageArguments() {
		return new Object[] { platform, String.valueOf(status) };
	}

	public String platform() {
		return platform;
	}

	public String url() {
		return url;
	}

	/** The HTTP status, or 0 when no answer came (timeout, connection refused, unreadable answer). */
	public int status() {
		return status;
	}

	/** The platform refused for good (4xx other than 401/408/429): retrying later will not help. */
	public boolean permanent() {
		return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
	}
}
