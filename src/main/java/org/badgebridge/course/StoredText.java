package org.badgebridge.course;

/**
 * The lengths the course tables hold: text the platform sends (labels, names, role lists) is cut to its
 * column's size before it is stored, so a long value never fails a sync.
 */
final class StoredText {

	private StoredText() {
	}

	/** At most 255 characters (labels and names); null stays null. */
	static String cut(String s) {
		return cut(s, 255);
	}

	/** At most {@code max} characters; null stays null. */
	static String cut(String s, int max) {
		return s == null ? null : s.length() > max ? s.substring(0, max) : s;
	}
}
