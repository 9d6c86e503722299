package org.badgebridge.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the next page tells the person after an action: a confirmation, or an error with, where it concerns a
 * form field, the message for that field (shown next to it).
 */
public record Notice(String message, boolean error, Map<String, String> fields) {

	public Notice {
		fields = fields == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(fields));
	}

	public static Notice info(String message) {
		return new Notice(message, false, Map.of());
	}

	public static Notice error(String message) {
		return new Notice(message, true, Map.of());
	}

	/** An error about one form field: the message shows at the field and, in short, at the top of the page. */
	public static Notice field(String field, String message) {
		return new Notice(message, true, Map.of(field, message));
	}
}
