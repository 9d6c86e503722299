package org.badgebridge.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;
import org.badgebridge.web.PublicEndpoint;

/**
 * Signing in to the backpack: the page that asks for an address, and the one-time link mailed to it (a GET only
 * shows a button, so that a mail scanner following the link does not use it up; the POST signs in).
 */
@Controller
@PublicEndpoint("sign-in: anyone may ask for a link (the same answer whether or not an account has the address, rate limited); "
		+ "the mailed token (256 random bits, hashed, single use, 15 minutes) is the credential")
class SignInController {

	private final SignInLinks links;

	private final BackpackSessions sessions;

	private final Notices notices;

	private final OidcSettings oidc;

	SignInController(SignInLinks links, BackpackSessions sessions, Notices notices, OidcSettings oidc) {
		this.links = links;
		this.sessions = sessions;
		this.notices = notices;
		this.oidc = oidc;
	}

	/** A configured provider as the sign-in page shows it. */
	record ProviderButton(String id, String name) {
	}

	@GetMapping(BackpackPrincipals.SIGN_IN)
	String form(Model model, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("providers", oidc.providers().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
				.map(e -> new ProviderButton(e.getKey(), e.getValue().name(e.getKey()))).toList());
		return "account/sign-in";
	}

	@PostMapping(BackpackPrincipals.SIGN_IN)
	String ask(@RequestParam String address, HttpServletRequest request, HttpServletResponse response) {
		SignInLinks.Requested outcome = links.request(address, request.getRemoteAddr(), LocaleContextHolder.getLocale());
		if (outcome == SignInLinks.Requested.TOO_MANY) {
			return notices.redirect(BackpackPrincipals.SIGN_IN, Notice.error(notices.text("learning.backpack.signIn.tooMany")));
		}
		return notices.redirect(BackpackPrincipals.SIGN_IN, Notice.info(notices.text("learning.backpack.signIn.sent")));
	}

	@GetMapping(BackpackPrincipals.SIGN_IN + "/{token}")
	String link(@PathVariable String token, Model model, HttpServletResponse response) {
		noStore(response);
		if (!links.live(token)) {
			response.setStatus(410);
			return "account/link-gone";
		}
		model.addAttribute("token", token);
		return "account/sign-in-link";
	}

	@PostMapping(BackpackPrincipals.SIGN_IN + "/{token}")
	String use(@PathVariable String token, HttpServletResponse response) {
		noStore(response);
		return links.use(token).map(account -> {
			response.addHeader(HttpHeaders.SET_COOKIE, sessions.open(account).toString());
			return "redirect:/backpack";
		}).orElseGet(() -> {
			response.setStatus(410);
			return "account/link-gone";
		});
	}

	static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
	}
}
