package org.badgebridge.catalogue;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Issuers;
import org.badgebridge.web.PublicEndpoint;

/** {@code /catalogue}: the badges teachers made public, and a page per badge class. */
@Controller
@PublicEndpoint("the public catalogue of badges that teachers chose to list")
class CatalogueController {

	private final Badges badges;

	private final Issuers issuers;

	CatalogueController(Badges badges, Issuers issuers) {
		this.badges = badges;
		this.issuers = issuers;
	}

	@GetMapping("/catalogue")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long institution,
			@RequestParam(required = false) String eqf, @RequestParam(required = false) String language,
			@RequestParam(required = false) Double maxEcts, Model model) {
		model.addAttribute("badges", badges.catalogue(q, institution, blank(eqf), blank(language), maxEcts));
		model.addAttribute("issuers", issuers.all());
		model.addAttribute("q", q);
		model.addAttribute("institution", institution);
		model.addAttribute("eqf", eqf);
		model.addAttribute("language", language);
		model.addAttribute("maxEcts", maxEcts);
		return "catalogue/list";
	}

	@GetMapping("/catalogue/{id}")
	String badge(@PathVariable String id, Model model) {
		BadgeClass badge = badges.find(id).filter(b -> badges.inCatalogue(b.id()))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("badge", badge);
		model.addAttribute("issuer", badges.issuer(badge));
		return "catalogue/badge";
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
