package org.badgebridge.verification.internal;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.CriteriaSentences;
import org.badgebridge.badge.Badges;
import org.badgebridge.credential.OpenBadges2;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.credential.SignedIssuers;
import org.badgebridge.badge.BadgePictures;
import org.springframework.context.i18n.LocaleContextHolder;
import org.badgebridge.sharing.ShareLinks;
import org.badgebridge.web.Dates;
import org.badgebridge.web.PublicEndpoint;

/**
 * The public verification page of an award: the badge's own image, the issuer as signed into the credential (name,
 * logo, country), the course, dates, the EU elements and a status that explains itself (valid, expired when, suspended
 * since when, revoked when and by whom: never the reason, which only the learner is told). Private awards show nothing
 * about the learner; public ones their name and the evidence. An award whose holder deleted it answers 410 with its
 * status and nothing else. The page a share link opens is the same page ({@code /s/{token}}). Every answer: docs/sharing.md.
 */
@Controller
@PublicEndpoint("an award's public verification page for employers, also opened by share links; private awards show nothing about the learner")
class VerificationPageController {

	private final Awards awards;

	private final Badges badges;

	private final OpenBadges2 ob2;

	private final OpenBadges3 ob3;

	private final SignedIssuers issuers;

	private final BadgePictures pictures;

	private final org.badgebridge.course.Courses courses;

	private final CriteriaSentences sentences;

	private final Dates dates;

	private final ShareLinks shareLinks;

	private final org.springframework.context.MessageSource messages;

	VerificationPageController(Awards awards, Badges badges, OpenBadges2 ob2, OpenBadges3 ob3, SignedIssuers issuers,
			BadgePictures pictures, org.badgebridge.course.Courses courses, CriteriaSentences sentences, Dates dates,
			org.springframework.context.MessageSource messages, ShareLinks shareLinks) {
		this.shareLinks = shareLinks;
		this.messages = messages;
		this.courses = courses;
		this.sentences = sentences;
		this.dates = dates;
		this.issuers = issuers;
		this.pictures = pictures;
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
			model.addAttribute("report", Findings.unknown(new Said("public.verify.unknown", awardId.length() > 64 ? awardId.substring(0, 64) + "…" : awardId)));
			return "verification/check";
		}
		return page(found.get(), model, response);
	}

	/**
	 * What a share link opens: the award's public page while the holder shares it; a neutral page once the link was
	 * replaced or the holder deleted the badge (410), an explanation while it is private (403), 404 for a token that
	 * never was a link. Never cached, never indexed, and the token is not sent on as a referrer.
	 */
	@GetMapping("/s/{token}")
	String shared(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Robots-Tag", "noindex");
		ShareLinks.Resolution link = shareLinks.resolve(token);
		java.util.Optional<Award> award = link instanceof ShareLinks.Live live ? awards.find(live.awardId()) : java.util.Optional.empty();
		if (link instanceof ShareLinks.Unknown || (link instanceof ShareLinks.Live && award.isEmpty())) {
			return sharedProblem(model, response, HttpStatus.NOT_FOUND, "public.shared.unknown");
		}
		if (link instanceof ShareLinks.Replaced || award.get().erased()) {
			return sharedProblem(model, response, HttpStatus.GONE, "public.shared.ended");
		}
		if (!award.get().publicVisible()) {
			return sharedProblem(model, response, HttpStatus.FORBIDDEN, "public.shared.private");
		}
		return page(award.get(), model, response);
	}

	private String sharedProblem(Model model, jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String key) {
		response.setStatus(status.value());
		model.addAttribute("problem", messages.getMessage(key, null, LocaleContextHolder.getLocale()));
		return "verification/shared-problem";
	}

	/** The public page of a known award; 410 (with the award's status) once its holder deleted it. */
	private String page(Award award, Model model, jakarta.servlet.http.HttpServletResponse response) {
		BadgeClass badge = badges.find(award.badgeId()).orElseThrow();
		Instant expires = OpenBadges2.expires(award, badge).orElse(null);
		String status = award.erased() ? "erased" : award.revoked() ? "revoked" : award.suspended() ? "suspended"
				: expires != null && expires.isBefore(Instant.now()) ? "expired" : "valid";
		model.addAttribute("award", award);
		model.addAttribute("badge", badge);
		java.util.Locale locale = LocaleContextHolder.getLocale();
		java.time.ZoneId zone = badges.issuer(badge).zone();
		model.addAttribute("issuer", issuers.forAward(award, badge));
		model.addAttribute("status", status);
		model.addAttribute("issuedOn", dates.date(award.awardedAt(), zone));
		model.addAttribute("revokedOn", award.revokedAt() == null ? null : dates.date(award.revokedAt(), zone));
		model.addAttribute("suspendedOn", award.suspendedAt() == null ? null : dates.date(award.suspendedAt(), zone));
		model.addAttribute("expires", expires == null ? null : dates.date(expires, zone));
		model.addAttribute("picture", pictures.badge(badge.id(), 128));
		model.addAttribute("course", courses.context(award.contextId()).map(org.badgebridge.course.CourseContext::displayTitle).orElse(null));
		model.addAttribute("assertionUrl", ob2.assertionUrl(award.id()));
		model.addAttribute("criteria", criteria(badge, locale));
		model.addAttribute("ob3Url", award.publicVisible() && ob3.exists(award.id()) ? "/ob3/credentials/" + award.id() : null);
		if (award.erased()) {
			response.setStatus(HttpStatus.GONE.value());
		}
		return "verification/verify";
	}

	/** What the learner did, in the page's language: the teacher's narrative, else the criteria in plain words. */
	private String criteria(BadgeClass badge, java.util.Locale locale) {
		String narrative = badge.details().criteriaNarrative();
		if ((narrative == null || narrative.isBlank()) && badge.hasCriteria()) {
			return sentences.plain(badge.criteria(), locale);
		}
		return ob2.criteriaNarrative(badge);
	}
}
