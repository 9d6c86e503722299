package org.badgebridge.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The welcome page: what the tool is, where to try it, where admins go. */
@Controller
class HomeController {

	private final String registrationUrl;

	private final String demoUrl;

	HomeController(@Value("${badgebridge.public-url}") String publicUrl, @Value("${badgebridge.demo.enabled:false}") boolean demo,
			@Value("${badgebridge.demo.issuer:}") String demoIssuer) {
		this.registrationUrl = publicUrl.replaceAll("/+$", "") + "/lti/register";
		this.demoUrl = demo ? demoIssuer : null;
	}

	@GetMapping("/")
	@PublicEndpoint("the welcome page: what the tool is and where to start")
	String home(Model model) {
		model.addAttribute("demoUrl", demoUrl);
		model.addAttribute("registrationUrl", registrationUrl);
		return "index";
	}
}
