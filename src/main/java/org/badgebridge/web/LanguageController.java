package org.badgebridge.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The language switch on every page. Inside a tool session the choice is kept there and on the person's course record
 * (mails sent later use it); elsewhere it goes into the address ({@code ?lang=}) and a cookie of the caller's own
 * browser. Either way the browser returns to the page it came from (a path of this tool, nothing else).
 */
@Controller
class LanguageController {

	private final SessionLanguage sessions;

	LanguageController(org.springframework.beans.factory.ObjectProvider<SessionLanguage> sessions) {
		this.sessions = sessions.getIfAvailable(() -> new SessionLanguage() {
			@Override
			public java.util.Optional<String> of(HttpServletRequest request) {
				return java.util.Optional.empty();
			}

			@Override
			public boolean choose(HttpServletRequest request, Locale language) {
				return false;
			}
		});
	}

	@PostMapping("/language")
	@PublicEndpoint("choosing the language of the pages needs no sign-in: in a tool session it changes that session's own "
			+ "language and its person's, elsewhere only the address and a cookie of the caller's browser")
	String choose(@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "return", required = false) String back, HttpServletRequest request,
			HttpServletResponse response) {
		Locale language = Languages.supported(lang).orElseThrow(() -> new InvalidInput("lang",
				"Choose English (en) or Dutch (nl).", "common.language.invalid"));
		String target = LanguageAdvice.local(back);
		if (sessions.choose(request, language)) {
			return "redirect:" + target;
		}
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(Languages.COOKIE, language.getLanguage()).path("/")
				.maxAge(Duration.ofDays(365)).httpOnly(true).secure(true).sameSite("None").partitioned(true).build().toString());
		return "redirect:" + target + (target.contains("?") ? "&" : "?") + Languages.PARAMETER + "=" + language.getLanguage();
	}
}
