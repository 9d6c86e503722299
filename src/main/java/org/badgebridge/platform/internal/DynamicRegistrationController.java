package org.badgebridge.platform.internal;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.platform.WebAddresses;
import org.badgebridge.web.PublicEndpoint;

/**
 * The registration URL an admin pastes into the LMS. It registers as soon as the page loads, shows the
 * result and tells the LMS to close its frame ({@code org.imsglobal.lti.close} to the parent or opener).
 */
@Controller
@PublicEndpoint("LTI Dynamic Registration: an LMS admin opens it from the LMS; bounded by a rate limit and an approval step")
class DynamicRegistrationController {

	private final DynamicRegistration registration;

	private final RegistrationRateLimiter limiter;

	DynamicRegistrationController(DynamicRegistration registration, RegistrationRateLimiter limiter) {
		this.registration = registration;
		this.limiter = limiter;
	}

	@GetMapping("/lti/register")
	String register(@RequestParam(name = "openid_configuration", required = false) String openidConfiguration,
			@RequestParam(name = "registration_token", required = false) String registrationToken, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		URI configUrl = WebAddresses.parse(openidConfiguration);
		// the page lives in the LMS's frame: allow exactly that platform's origin to frame it
		response.setHeader("Content-Security-Policy",
				"frame-ancestors 'self'" + (configUrl == null ? "" : " " + WebAddresses.origin(configUrl)));
		response.setHeader("Cache-Control", "no-store");
		if (!limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(429);
			response.setHeader("Retry-After", "60");
			model.addAttribute("message", "Too many registration attempts from your address. Wait a minute and try again.");
			return "platform/registration-failed";
		}
		try {
			DynamicRegistration.Outcome outcome = registration.register(openidConfiguration, registrationToken);
			model.addAttribute("outcome", outcome);
			model.addAttribute("registration", outcome.registration());
			return "platform/registered";
		}
		catch (DynamicRegistration.RegistrationFailed ex) {
			response.setStatus(ex.status());
			model.addAttribute("message", ex.getMessage());
			return "platform/registration-failed";
		}
	}
}
