package org.badgebridge.badge.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.web.Admin;
import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;

import org.badgebridge.badge.InvalidBadgeException;
import org.badgebridge.badge.Issuers;

/** Admin page for issuer profiles (with their logos): the default awarding body, and one per platform registration. */
@Controller
class IssuerAdminController {

	private final Issuers issuers;

	private final org.badgebridge.badge.BadgeImages images;

	private final Notices notices;

	private final org.badgebridge.platform.Registrations registrations;

	IssuerAdminController(Issuers issuers, org.badgebridge.badge.BadgeImages images, Notices notices,
			org.badgebridge.platform.Registrations registrations) {
		this.registrations = registrations;
		this.notices = notices;
		this.issuers = issuers;
		this.images = images;
	}

	@GetMapping("/admin/issuers")
	String list(Admin admin, Model model) {
		model.addAttribute("issuers", issuers.all());
		model.addAttribute("zones", java.time.ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
				&& !z.startsWith("SystemV/")).sorted().toList());
		model.addAttribute("logos", issuers.all().stream().filter(i -> images.hasIssuerLogo(i.id()))
				.map(org.badgebridge.badge.IssuerProfile::id).toList());
		// the platform is picked by its name (its issuer URL as a hint), never typed as an id
		java.util.List<org.badgebridge.platform.Registration> all = registrations.all();
		model.addAttribute("registrationNames", all.stream().collect(java.util.stream.Collectors.toMap(
				org.badgebridge.platform.Registration::id, org.badgebridge.platform.Registration::name)));
		java.util.Set<Long> taken = issuers.all().stream().map(org.badgebridge.badge.IssuerProfile::registrationId)
				.filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
		model.addAttribute("registrations", all.stream().filter(r -> !taken.contains(r.id()))
				.sorted(java.util.Comparator.comparing(org.badgebridge.platform.Registration::name, String.CASE_INSENSITIVE_ORDER)
						.thenComparing(org.badgebridge.platform.Registration::id))
				.toList());
		return "badge/issuers";
	}

	@PostMapping("/admin/issuers/{id}/logo")
	String logo(Admin admin, @org.springframework.web.bind.annotation.PathVariable long id,
			@RequestParam(name = "logo", required = false) org.springframework.web.multipart.MultipartFile logo)
			throws java.io.IOException {
		if (issuers.find(id).isEmpty()) {
			return notices.redirect("/admin/issuers", Notice.error(notices.text("admin.issuers.none", id)));
		}
		if (logo == null || logo.isEmpty()) {
			return notices.redirect("/admin/issuers", Notice.field("logo", notices.text("admin.issuers.logo.choose")));
		}
		try (java.io.InputStream in = logo.getInputStream()) {
			images.storeIssuerLogo(id, in.readNBytes(org.badgebridge.badge.BadgeImages.MAX_BYTES + 1));
			return notices.redirect("/admin/issuers", Notice.info(notices.text("admin.issuers.logo.saved")));
		}
		catch (InvalidBadgeException ex) {
			return notices.redirect("/admin/issuers", Notice.field("logo", notices.refusal(ex).message()));
		}
	}

	@PostMapping("/admin/issuers")
	String save(Admin admin, @RequestParam(required = false) Long id, @RequestParam(required = false) String name, @RequestParam(required = false) String url,
			@RequestParam(required = false) String email, @RequestParam(required = false) String country,
			@RequestParam(required = false) String description, @RequestParam(required = false) Long registrationId,
			@RequestParam(required = false) String timeZone, @RequestParam(required = false) String linkedInOrganizationId) {
		if (registrationId != null && registrations.find(registrationId).isEmpty()) {
			// not one of the registrations the select offers (a typed or stale id): said at the field
			return notices.redirect("/admin/issuers#new-issuer", Notice.field("registrationId", notices.text("admin.issuers.registration.unknown")));
		}
		try {
			org.badgebridge.badge.IssuerProfile saved = issuers.save(id, name, url, email, country, description, registrationId, timeZone);
			if (linkedInOrganizationId != null) {
				issuers.setLinkedInOrganization(saved.id(), linkedInOrganizationId);
			}
			return notices.redirect("/admin/issuers", Notice.info(notices.text("admin.issuers.saved")));
		}
		catch (InvalidBadgeException ex) {
			return notices.redirect("/admin/issuers", notices.refusal(ex));
		}
	}
}
