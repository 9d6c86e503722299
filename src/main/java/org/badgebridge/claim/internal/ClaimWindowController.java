package org.badgebridge.claim.internal;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.badgebridge.claim.ClaimWindow;
import org.badgebridge.web.PublicEndpoint;
import org.badgebridge.web.RateLimiter;

/**
 * The claim window seen from a mail: switching off the reminders (a page with a button: mail scanners follow links, so
 * the link alone changes nothing), and a new link when the old one ended, to the same address the mails go to.
 */
@Controller
@PublicEndpoint("a capability URL: the claim token mailed to the learner (256 random bits, hashed) is the credential")
class ClaimWindowController {

	private final ClaimWindow window;

	private final RateLimiter limiter;

	private final org.springframework.context.MessageSource messages;

	ClaimWindowController(ClaimWindow window, Clock clock, org.springframework.context.MessageSource messages,
			@Value("${badgebridge.claim.renew-rate-limit-per-minute:10}") int perMinute) {
		this.window = window;
		this.messages = messages;
		this.limiter = new RateLimiter(perMinute, clock);
	}

	@GetMapping("/claim/{token}/reminders")
	String reminders(@PathVariable String token, Model model, HttpServletResponse response) {
		noStore(response);
		return window.maskedAddress(token).map(address -> {
			model.addAttribute("token", token);
			model.addAttribute("address", address);
			model.addAttribute("off", window.stopped(token));
			return "claim/reminders";
		}).orElseGet(() -> unknown(model, response));
	}

	@PostMapping("/claim/{token}/reminders")
	String stopReminders(@PathVariable String token, Model model, HttpServletResponse response) {
		if (window.stopReminders(token).isEmpty()) {
			noStore(response);
			return unknown(model, response);
		}
		return "redirect:/claim/" + token + "/reminders";
	}

	@PostMapping("/claim/{token}/renew")
	String renew(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		if (!limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(limiter.secondsUntilNextWindow()));
			model.addAttribute("outcome", "limited");
			return "claim/renewed";
		}
		String address = window.maskedAddress(token).orElse(null);
		ClaimWindow.Renewal renewal = window.renew(token);
		model.addAttribute("outcome", renewal.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
		model.addAttribute("address", address);
		if (renewal == ClaimWindow.Renewal.NOT_NEEDED) {
			response.setStatus(409);
		}
		return "claim/renewed";
	}

	private String unknown(Model model, HttpServletResponse response) {
		response.setStatus(404);
		model.addAttribute("problem", messages.getMessage("learning.claim.problem.unknown", null,
				org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		return "claim/problem";
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
	}
}
