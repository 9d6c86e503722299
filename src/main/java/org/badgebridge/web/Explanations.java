package org.badgebridge.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * How a refusal reads on a page: a domain exception that names a message key (it implements Spring's
 * {@link MessageSourceResolvable}, which every module may use without depending on {@code web}) is shown in the page's
 * language; its English message stays for the log and is the fallback of a key no bundle has.
 */
public final class Explanations {

	private Explanations() {
	}

	/** The text of {@code ex} in {@code locale}: its first key that a bundle has, else its English message. */
	public static String text(MessageSource messages, Throwable ex, Locale locale) {
		if (ex instanceof MessageSourceResolvable resolvable && resolvable.getCodes() != null) {
			for (String code : resolvable.getCodes()) {
				String text = messages.getMessage(code, resolvable.getArguments(), null, locale);
				if (text != null) {
					return text;
				}
			}
		}
		return ex.getMessage();
	}
}
