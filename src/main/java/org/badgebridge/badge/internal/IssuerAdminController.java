package org.badgebridge.badge.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.badgebridge.badge.InvalidBadgeException;
import org.badgebridge.badge.Issuers;

/** Admin page for issuer profiles (with their logos): the default awarding body, and one per platform registration. */
@Controller
class IssuerAdminController {

	private final Issuers issuers;

	private final org.badgebridge.badge.BadgeImages images;

	IssuerAdminController(Issuers issuers, org.badgebridge.badge.BadgeImages images) {
		this.issuers = issuers;
		this.images = images;
	}

	@GetMapping("/admin/issuers")
	String list(Model model) {
		model.addAttribute("issuers", issuers.all());
		model.addAttribute("logos", issuers.all().stream().filter(i -> images.hasIssuerLogo(i.id()))
				.map(org.badgebridge.badge.IssuerProfile::id).toList());
		return "badge/issuers";
	}

	@PostMapping("/admin/issuers/{id}/logo")
	String logo(@org.springframework.web.bind.annotation.PathVariable long id,
			@RequestParam("logo") org.springframework.web.multipart.MultipartFile logo, RedirectAttributes redirect)
			throws java.io.IOException {
		if (issuers.find(id).isEmpty()) {
			redirect.addFlashAttribute("error", "No issuer " + id);
			return "redirect:/admin/issuers";
		}
		try (java.io.InputStream in = logo.getInputStream()) {
			images.storeIssuerLogo(id, in.readNBytes(org.badgebridge.badge.BadgeImages.MAX_BYTES + 1));
			redirect.addFlashAttribute("notice", "Logo saved.");
		}
		catch (InvalidBadgeException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/issuers";
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
