package org.badgebridge.lms;

/**
 * An AGS line item (a gradebook column). {@code id} is its URL, opaque and possibly with a query string
 * ({@code ?type_id=} on Moodle). Optional fields are null when the platform sent none or an empty string.
 */
public record LineItem(String id, String label, double scoreMaximum, String resourceId, String tag,
		String resourceLinkId) {
}
