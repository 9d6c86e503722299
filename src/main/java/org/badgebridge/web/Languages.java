package org.badgebridge.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of every page, English or Dutch. Precedence: the person's own choice ({@code ?lang=} in the address,
 * or kept in the tool session by the language switch), then the launch's language (kept in the tool session: Moodle
 * sends {@code nl}, {@code nl_be}, {@code en_us}...; the language part counts), then a choice made outside any tool
 * session ({@value #COOKIE} cookie), then the browser's Accept-Language, then English. A language the tool does not
 * speak counts as none.
 */
@Component("localeResolver")
public class Languages implements LocaleResolver {

	/** The languages the tool speaks, the first being the fallback. */
	public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"));

	public static final String PARAMETER = "lang";

	public static final String COOKIE = "bb_lang";

	private static final String RESOLVED = Languages.class.getName() + ".resolved";

	private final ObjectProvider<SessionLanguage> sessions;

	public Languages(ObjectProvider<SessionLanguage> sessions) {
		this.sessions = sessions;
	}

	/** The supported language of a tag such as {@code nl}, {@code nl_BE}, {@code en-US}; empty for any other. */
	public static Optional<Locale> supported(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > 35) {
			return Optional.empty();
		}
		String language = tag.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
		return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(RESOLVED) instanceof Locale known) {
			return known;
		}
		Locale locale = supported(request.getParameter(PARAMETER))
				.or(() -> Optional.ofNullable(sessions.getIfAvailable()).flatMap(s -> s.of(request)).flatMap(Languages::supported))
				.or(() -> supported(cookie(request)))
				.or(() -> acceptLanguage(request))
				.orElse(SUPPORTED.get(0));
		request.setAttribute(RESOLVED, locale);
		return locale;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		request.setAttribute(RESOLVED, locale);
	}

	private static Optional<Locale> acceptLanguage(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank() || header.length() > 500) {
			return Optional.empty();
		}
		try {
			Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
			return Optional.ofNullable(best);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String cookie(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie c : request.getCookies()) {
			if (COOKIE.equals(c.getName())) {
				return c.getValue();
			}
		}
		return null;
	}
}
