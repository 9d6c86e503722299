package org.badgebridge.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.badgebridge.platform.ToolUrls;

/** The welcome page: what the tool is, where to try it, where admins go. */
@Controller
class HomeController {

	private final ToolUrls urls;

	private final String demoUrl;

	HomeController(ToolUrls urls, @Value("${badgebridge.demo.enabled:false}") boolean demo,
			@Value("${badgebridge.demo.issuer:}") String demoIssuer) {
		this.urls = urls;
		this.demoUrl = demo ? demoIssuer : null;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("demoUrl", demoUrl);
		model.addAttribute("registrationUrl", urls.registration());
		return "index";
	}
}
