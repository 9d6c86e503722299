package org.badgebridge.verification.internal;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.credential.OpenBadges2;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.web.PublicEndpoint;

/**
 * The public verification page of an award: badge, image, issuer, dates, the EU elements and a status that
 * explains itself (valid, expired when, suspended, revoked when and why). Private awards show nothing about the
 * learner; public ones their name and the evidence.
 */
@Controller
@PublicEndpoint("an award's public verification page for employers; private awards show nothing about the learner")
class VerificationPageController {

	private final Awards awards;

	private final Badges badges;

	private final OpenBadges2 ob2;

	private final OpenBadges3 ob3;

	VerificationPageController(Awards awards, Badges badges, OpenBadges2 ob2, OpenBadges3 ob3) {
		this.awards = awards;
		this.badges = badges;
		this.ob2 = ob2;
		this.ob3 = ob3;
	}

	@GetMapping("/verify/{awardId}")
	String verify(@PathVariable String awardId, Model model, jakarta.servlet.http.HttpServletResponse response) {
		java.util.Optional<Award> found = awards.find(awardId);
		if (found.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("report", new BadgeVerifier.Report(
					BadgeVerifier.Verdict.UNKNOWN, "Unknown: this tool has no record of a badge with the id "
							+ (awardId.length() > 64 ? awardId.substring(0, 64) + "…" : awardId) + ". Check the link, or verify the badge file itself.",
					"unknown", java.util.List.of(), null, null, null, null, null, null));
			return "verification/check";
		}
		Award award = found.get();
		BadgeClass badge = badges.find(award.badgeId()).orElseThrow();
		Instant expires = OpenBadges2.expires(award, badge).orElse(null);
		String status = award.revoked() ? "revoked" : award.suspended() ? "suspended"
				: expires != null && expires.isBefore(Instant.now()) ? "expired" : "valid";
		model.addAttribute("award", award);
		model.addAttribute("badge", badge);
		model.addAttribute("issuer", badges.issuer(badge));
		model.addAttribute("status", status);
		model.addAttribute("expires", expires == null ? null : expires.atOffset(ZoneOffset.UTC).toLocalDate().toString());
		model.addAttribute("imageUrl", "/ob2/badges/" + badge.id() + "/image");
		model.addAttribute("assertionUrl", ob2.assertionUrl(award.id()));
		model.addAttribute("criteria", ob2.criteriaNarrative(badge));
		model.addAttribute("ob3Url", award.publicVisible() && ob3.exists(award.id()) ? "/ob3/credentials/" + award.id() : null);
		return "verification/verify";
	}
}
