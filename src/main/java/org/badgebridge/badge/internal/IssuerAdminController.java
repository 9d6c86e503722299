package org.badgebridge.badge.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.badgebridge.badge.InvalidBadgeException;
import org.badgebridge.badge.Issuers;

/** Admin page for issuer profiles: the default awarding body, and one per platform registration. */
@Controller
class IssuerAdminController {

	private final Issuers issuers;

	IssuerAdminController(Issuers issuers) {
		this.issuers = issuers;
	}

	@GetMapping("/admin/issuers")
	String list(Model model) {
		model.addAttribute("issuers", issuers.all());
		return "badge/issuers";
	}

	@PostMapping("/admin/issuers")
	String save(@RequestParam(required = false) Long id, @RequestParam String name, @RequestParam(required = false) String url,
			@RequestParam(required = false) String email, @RequestParam(required = false) String country,
			@RequestParam(required = false) String description, @RequestParam(required = false) Long registrationId,
			RedirectAttributes redirect) {
		try {
			issuers.save(id, name, url, email, country, description, registrationId);
			redirect.addFlashAttribute("notice", "Issuer saved.");
		}
		catch (InvalidBadgeException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/issuers";
	}
}
