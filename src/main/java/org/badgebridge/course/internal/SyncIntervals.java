package org.badgebridge.course.internal;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

/**
 * Sync settings as the admin types them, pure: an interval like {@code 90s}, {@code 2m}, {@code 1h} (or ISO-8601,
 * {@code PT5M}); blank means "the default". The active interval is between 10 seconds and 1 day, the idle interval
 * at most 7 days and never shorter than the active one; a request budget is 60 to 100,000 requests a minute (at least one a second, so a sync of a course with many columns fits in a minute).
 */
public record SyncIntervals(Duration active, Duration idle, Integer requestsPerMinute) {

	static final Duration MIN_ACTIVE = Duration.ofSeconds(10);

	static final Duration MAX_ACTIVE = Duration.ofDays(1);

	static final Duration MAX_IDLE = Duration.ofDays(7);

	static final int MIN_BUDGET = 60;

	static final int MAX_BUDGET = 100_000;

	/**
	 * Reads the fields; {@code activeDefault}/{@code idleDefault} stand in for blank ones when the two are compared.
	 */
	public static SyncIntervals of(String active, String idle, String requestsPerMinute, Duration activeDefault,
			Duration idleDefault) {
		Duration a = duration("active", active);
		Duration i = duration("idle", idle);
		if (a != null && (a.compareTo(MIN_ACTIVE) < 0 || a.compareTo(MAX_ACTIVE) > 0)) {
			throw new SyncSettingRefused("active", "The active interval is between 10 seconds and 1 day.",
					"admin.syncSettings.error.active");
		}
		if (i != null && i.compareTo(MAX_IDLE) > 0) {
			throw new SyncSettingRefused("idle", "The idle interval is at most 7 days.", "admin.syncSettings.error.idleMax");
		}
		if ((i != null ? i : idleDefault).compareTo(a != null ? a : activeDefault) < 0) {
			throw new SyncSettingRefused("idle", "The idle interval cannot be shorter than the active interval.",
					"admin.syncSettings.error.idleShort");
		}
		Integer budget = null;
		if (requestsPerMinute != null && !requestsPerMinute.isBlank()) {
			try {
				budget = Integer.valueOf(requestsPerMinute.trim());
			}
			catch (NumberFormatException ex) {
				budget = -1;
			}
			if (budget < MIN_BUDGET || budget > MAX_BUDGET) {
				throw new SyncSettingRefused("budget", "The request budget is a whole number from 60 to 100000 requests a minute.",
						"admin.syncSettings.error.budget");
			}
		}
		return new SyncIntervals(a, i, budget);
	}

	private static Duration duration(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return DurationStyle.detectAndParse(text.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new SyncSettingRefused(field, "Give an interval such as 90s, 2m or 1h.", "admin.syncSettings.error.duration");
		}
	}

	/** An interval as the form shows it: {@code 1m}, {@code 90s}, {@code 1h}. */
	public static String text(Duration d) {
		if (d == null) {
			return "";
		}
		long s = d.toSeconds();
		return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
	}
}
