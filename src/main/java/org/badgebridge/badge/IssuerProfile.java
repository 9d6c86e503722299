package org.badgebridge.badge;

import java.time.ZoneId;

/**
 * An awarding body: who issues a badge. One default; a platform registration may have its own. Its time zone is the
 * one pages and mails show times in (stored times are UTC). Its LinkedIn organisation id (digits, optional) names it in
 * LinkedIn's "Add to profile".
 */
public record IssuerProfile(long id, String name, String url, String email, String country, String description,
		Long registrationId, boolean isDefault, String timeZone, String linkedInOrganizationId) {

	public static final String DEFAULT_TIME_ZONE = "Europe/Amsterdam";

	/** The issuer's time zone, Europe/Amsterdam when none (or none Java knows) is stored. */
	public ZoneId zone() {
		try {
			return ZoneId.of(timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone);
		}
		catch (java.time.DateTimeException ex) {
			return ZoneId.of(DEFAULT_TIME_ZONE);
		}
	}
}
