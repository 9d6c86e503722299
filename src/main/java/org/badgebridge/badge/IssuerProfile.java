package org.badgebridge.badge;

/** An awarding body: who issues a badge. One default; a platform registration may have its own. */
public record IssuerProfile(long id, String name, String url, String email, String country, String description,
		Long registrationId, boolean isDefault) {
}
