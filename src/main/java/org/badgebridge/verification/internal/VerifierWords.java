package org.badgebridge.verification.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.badgebridge.web.Dates;

/**
 * What the verifier said, in the page's language: templates call {@code @verifierWords.text(said)} and
 * {@code @verifierWords.date(instant)}; dates as the language writes them, in the institution's time zone.
 */
@Component("verifierWords")
public class VerifierWords {

	private final MessageSource messages;

	private final Dates dates;

	VerifierWords(MessageSource messages, Dates dates) {
		this.messages = messages;
		this.dates = dates;
	}

	public String text(Said said) {
		return text(said, LocaleContextHolder.getLocale());
	}

	public String text(Said said, Locale locale) {
		if (said == null) {
			return "";
		}
		Object[] args = Arrays.stream(said.args()).map(a -> a instanceof Said s ? text(s, locale) : a instanceof Instant i ? date(i) : a)
				.toArray();
		return messages.getMessage(said.key(), args, locale);
	}

	public String date(Instant at) {
		return at == null ? "" : dates.date(at, null);
	}
}
