package org.badgebridge.verification.internal;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Something the verifier says, as a key of the {@code learning} bundle with its arguments, so the page shows it in its
 * own language. Arguments may be words of their own (a nested {@code Said}), dates ({@link Instant}, shown per locale in
 * the institution's time zone) or technical text (links, identifiers, a library's message), which stays as it is.
 * {@link #english()} gives the English words, the report's own (dates as ISO days), from the same bundle.
 */
public record Said(String key, Object... args) {

	private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("i18n/learning", Locale.ROOT);

	/** The English words, formatted as Spring does: a message without arguments is taken as it is. */
	public String english() {
		String pattern = ENGLISH.getString(key);
		if (args.length == 0) {
			return pattern;
		}
		Object[] english = Arrays.stream(args).map(a -> a instanceof Said s ? s.english()
				: a instanceof Instant i ? i.toString().substring(0, 10) : a).toArray();
		return new MessageFormat(pattern, Locale.ENGLISH).format(english);
	}

	@Override
	public String toString() {
		return english();
	}
}
