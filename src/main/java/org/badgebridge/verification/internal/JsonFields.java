package org.badgebridge.verification.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Reading fields of JSON someone else wrote, without trusting its shape. */
final class JsonFields {

	private JsonFields() {
	}

	/** The first of these that parses as a date-time, or null. */
	static Instant instant(String... candidates) {
		for (String c : candidates) {
			if (c != null) {
				try {
					return Instant.parse(c);
				}
				catch (DateTimeParseException ex) {
					try {
						return java.time.OffsetDateTime.parse(c).toInstant();
					}
					catch (DateTimeParseException ignored) {
						return null;
					}
				}
			}
		}
		return null;
	}

	static List<String> types(JsonObject doc) {
		JsonValue type = doc.get("type");
		if (type instanceof JsonString s) {
			return List.of(s.getString());
		}
		if (type instanceof JsonArray a) {
			return a.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
		}
		return List.of();
	}

	static String string(JsonObject o, String key) {
		JsonValue v = o == null ? null : o.get(key);
		return v instanceof JsonString s ? s.getString() : null;
	}
}
