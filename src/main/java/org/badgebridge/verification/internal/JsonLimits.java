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

	/** The text breaks a limit: what it says is {@link #said()}. */
	static final class Exceeded extends IllegalArgumentException {

		private final transient Said said;

		Exceeded(Said said) {
			super(said.english());
			this.said = said;
		}

		Said said() {
			return said;
		}
	}

	/** What an exception says, in words for the page: its own words if it has them, else its message as technical text. */
	static Said said(IllegalArgumentException ex) {
		return ex instanceof Exceeded e ? e.said() : new Said("public.check.unknown.unreadable", String.valueOf(ex.getMessage()));
	}

	/** @throws Exceeded naming the limit the text breaks */
	static void check(String json) {
		if (json.length() > MAX_CHARS) {
			throw new Exceeded(new Said("public.check.unknown.json-too-large"));
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
					throw new Exceeded(new Said("public.check.unknown.json-too-deep", MAX_DEPTH));
				}
			}
			else if (c == '}' || c == ']') {
				depth--;
			}
		}
	}
}
