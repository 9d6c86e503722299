package org.badgebridge.verification.internal;

/**
 * Bounds on JSON a visitor hands us, checked on the raw text before any parser sees it: at most 1 MB and at
 * most 64 levels of nesting (a badge needs about 8; deep nesting is how parsers are made to overflow their stack).
 */
final class JsonLimits {

	static final int MAX_CHARS = 1 << 20;

	static final int MAX_DEPTH = 64;

	private JsonLimits() {
	}

	/** @throws IllegalArgumentException naming the limit the text breaks */
	static void check(String json) {
		if (json.length() > MAX_CHARS) {
			throw new IllegalArgumentException("The JSON is larger than 1 MB: not read.");
		}
		int depth = 0;
		boolean inString = false;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '{' || c == '[') {
				if (++depth > MAX_DEPTH) {
					throw new IllegalArgumentException("The JSON is nested more than " + MAX_DEPTH + " levels deep: not read.");
				}
			}
			else if (c == '}' || c == ']') {
				depth--;
			}
		}
	}
}
