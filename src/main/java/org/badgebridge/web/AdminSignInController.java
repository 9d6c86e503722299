package org.badgebridge.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's sign-in form ({@code /admin/sign-in}): user name and password checked by {@link AdminFormSignIn}, errors at
 * the field, 429 with Retry-After while the throttle makes the address or name wait; links to the other ways to sign
 * in (an OpenID Connect provider); and sign-out, which ends every admin session the request carries.
 */
@Controller
class AdminSignInController {

	static final String PAGE = "/admin/sign-in";

	private final AdminFormSignIn signIn;

	private final ObjectProvider<AdminSignIns> signIns;

	private final Notices notices;

	AdminSignInController(AdminFormSignIn signIn, ObjectProvider<AdminSignIns> signIns, Notices notices) {
		this.signIn = signIn;
		this.signIns = signIns;
		this.notices = notices;
	}

	@GetMapping(PAGE)
	@PublicEndpoint("the way to become the admin: shows a form")
	String form(@RequestParam(name = "continue", required = false) String next, Model model, HttpServletResponse response) {
		return page(model, response, next, "", 200);
	}

	@PostMapping(PAGE)
	@PublicEndpoint("checks the admin credentials it is given, throttled per address and user name")
	String signIn(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
			@RequestParam(name = "continue", required = false) String next, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		String name = username == null ? "" : username.trim();
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (name.isEmpty()) {
			errors.put("username", notices.text("admin.signIn.username.required"));
		}
		if (password == null || password.isEmpty()) {
			errors.put("password", notices.text("admin.signIn.password.required"));
		}
		if (!errors.isEmpty()) {
			model.addAttribute("fieldErrors", errors);
			return page(model, response, next, name, 400);
		}
		AdminFormSignIn.Outcome outcome = signIn.signIn(name, password, request.getRemoteAddr());
		if (outcome instanceof AdminFormSignIn.SignedIn done) {
			response.addHeader(HttpHeaders.SET_COOKIE, done.cookie().toString());
			return "redirect:" + target(next);
		}
		if (outcome instanceof AdminFormSignIn.Throttled throttled) {
			long seconds = AdminSignInAttempts.seconds(throttled.waitMillis());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			model.addAttribute("waitSeconds", seconds);
			return page(model, response, next, name, 429);
		}
		model.addAttribute("fieldErrors", java.util.Map.of("password", notices.text("admin.signIn.wrong")));
		return page(model, response, next, name, 401);
	}

	@PostMapping("/admin/sign-out")
	String signOut(Admin admin, HttpServletRequest request, HttpServletResponse response) {
		for (AdminSignIns s : signIns.orderedStream().toList()) {
			s.end(request).ifPresent(c -> response.addHeader(HttpHeaders.SET_COOKIE, c.toString()));
		}
		return notices.redirect(PAGE, Notice.info(notices.text("admin.signIn.signedOut")));
	}

	private String page(Model model, HttpServletResponse response, String next, String username, int status) {
		response.setStatus(status);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("next", safe(next));
		model.addAttribute("username", username);
		List<AdminSignIns.Link> links = signIns.orderedStream().flatMap(s -> s.links().stream()).toList();
		model.addAttribute("links", links);
		return "web/admin-sign-in";
	}

	/** Where a signed-in admin goes: the {@code continue} page when it is a path of this tool, else the admin pages. */
	static String target(String next) {
		String safe = safe(next);
		return safe == null ? "/admin" : safe;
	}

	/** A local path (no other site, no {@code //host} or backslash, no control characters), or null. */
	static String safe(String next) {
		if (next == null || next.isEmpty()) {
			return null;
		}
		String local = LanguageAdvice.local(next);
		return "/".equals(local) && !"/".equals(next) ? null : local;
	}
}
