package org.badgebridge.lms;

/**
 * A call to a platform's service that did not succeed (after the retries it deserved). The message says which
 * platform, which URL and what status, so that it can be shown on a sync record as it is.
 */
public class LmsCallFailed extends RuntimeException {

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
