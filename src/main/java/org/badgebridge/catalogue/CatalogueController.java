package org.badgebridge.catalogue;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgePictures;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.CatalogueListing;
import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.badge.Issuers;
import org.badgebridge.web.PublicEndpoint;

/**
 * {@code /catalogue}: the badges teachers made public, and a page per badge class, each with the badge's own image at
 * its aspect ratio and the institution that issues it (name, logo, country).
 */
@Controller
@PublicEndpoint("the public catalogue of badges that teachers chose to list")
class CatalogueController {

	private final Badges badges;

	private final Issuers issuers;

	private final BadgePictures pictures;

	/** The issuer as the catalogue shows it. */
	record Institution(String name, String url, BadgePictures.Picture logo, String country) {
	}

	/** One badge of the list: the badge, its image and its institution. */
	record Entry(BadgeClass badge, BadgePictures.Picture picture, Institution issuer) {
	}

	/** Badges a page of the list shows. */
	static final int PAGE_SIZE = 24;

	private final CatalogueListing listing;

	CatalogueController(Badges badges, Issuers issuers, BadgePictures pictures, CatalogueListing listing) {
		this.listing = listing;
		this.badges = badges;
		this.issuers = issuers;
		this.pictures = pictures;
	}

	@GetMapping("/catalogue")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long institution,
			@RequestParam(required = false) String eqf, @RequestParam(required = false) String language,
			@RequestParam(required = false) Double maxEcts, @RequestParam(defaultValue = "1") int page, Model model) {
		CatalogueListing.Page found = listing.page(new CatalogueListing.Filter(q, institution, blank(eqf), blank(language), maxEcts), page,
				PAGE_SIZE);
		// one query for the page's images; issuers (few) from the list the filter shows anyway, each logo read once
		List<IssuerProfile> all = issuers.all();
		Map<Long, IssuerProfile> byId = all.stream().collect(Collectors.toMap(IssuerProfile::id, p -> p));
		IssuerProfile fallback = all.stream().filter(IssuerProfile::isDefault).findFirst().orElseGet(issuers::defaultIssuer);
		Map<String, BadgePictures.Picture> images = pictures.badges(found.badges().stream().map(BadgeClass::id).toList(), 64);
		Map<Long, Optional<BadgePictures.Picture>> logos = new HashMap<>();
		List<Entry> entries = found.badges().stream().map(b -> {
			IssuerProfile p = b.issuerId() == null ? fallback : byId.getOrDefault(b.issuerId(), fallback);
			return new Entry(b, images.get(b.id()), institution(b, p, logos.computeIfAbsent(p.id(), id -> pictures.issuerLogo(id, 48))));
		}).toList();
		model.addAttribute("badges", entries);
		model.addAttribute("found", found);
		model.addAttribute("issuers", all);
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
		model.addAttribute("issuer", institution(badge));
		model.addAttribute("picture", pictures.badge(badge.id(), 128));
		return "catalogue/badge";
	}

	private Institution institution(BadgeClass badge) {
		IssuerProfile p = badges.issuer(badge);
		return institution(badge, p, pictures.issuerLogo(p.id(), 48));
	}

	private static Institution institution(BadgeClass badge, IssuerProfile p, Optional<BadgePictures.Picture> logo) {
		String country = blank(badge.details().country()) != null ? badge.details().country() : p.country();
		return new Institution(p.name(), p.url(), logo.orElse(null), country);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
