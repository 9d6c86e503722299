package org.badgebridge.claim.internal;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.Badges;
import org.badgebridge.claim.ClaimLinks;

/** The page a claim link opens: the learner accepts the badge (the full backpack comes later). */
@Controller
class ClaimController {

	private final ClaimLinks links;

	private final Awards awards;

	private final Badges badges;

	private final Clock clock;

	ClaimController(ClaimLinks links, Awards awards, Badges badges, Clock clock) {
		this.links = links;
		this.awards = awards;
		this.badges = badges;
		this.clock = clock;
	}

	@GetMapping("/claim/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		return page(token, model, response, false);
	}

	@PostMapping("/claim/{token}")
	String accept(@PathVariable String token, Model model, HttpServletResponse response) {
		return page(token, model, response, true);
	}

	private String page(String token, Model model, HttpServletResponse response, boolean accept) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		ClaimLinks.Link link = links.resolve(token).orElse(null);
		if (link == null) {
			response.setStatus(404);
			model.addAttribute("problem", "This claim link is not valid. It may have been replaced by a newer one: use the link in your latest mail.");
			return "claim/problem";
		}
		if (link.expired(clock.instant())) {
			response.setStatus(410);
			model.addAttribute("problem", "This claim link has expired. Ask your teacher, or use the course's badge panel, to get a new one.");
			return "claim/problem";
		}
		Award award = awards.find(link.awardId()).orElseThrow();
		if (award.revoked()) {
			response.setStatus(410);
			model.addAttribute("problem", "This badge was revoked: " + award.revokeReason());
			return "claim/problem";
		}
		if (accept && !award.claimed()) {
			awards.markClaimed(award.id());
			links.markUsed(token);
			award = awards.find(award.id()).orElseThrow();
		}
		model.addAttribute("award", award);
		model.addAttribute("badge", badges.find(award.badgeId()).orElseThrow());
		model.addAttribute("token", token);
		return "claim/claim";
	}
}
