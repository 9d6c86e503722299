package org.badgebridge.claim.internal;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgePictures;
import org.badgebridge.badge.Badges;
import org.badgebridge.claim.ClaimLinks;
import org.badgebridge.claim.ClaimSignIn;
import org.badgebridge.claim.ClaimWindow;
import org.badgebridge.claim.Claims;
import org.badgebridge.course.CourseContext;
import org.badgebridge.course.Courses;
import org.badgebridge.credential.SignedIssuers;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.web.PublicEndpoint;

/**
 * The page a claim link opens: the learner accepts the badge (which proves their address and signs them in to their
 * backpack, where the credential's files are) and chooses whether it is public (with a share link, LinkedIn and a QR
 * code, through {@code sharing}) or private. The page shows the
 * badge's own image, the course and the issuer (as signed into the credential once it is issued).
 */
@Controller
@PublicEndpoint("a capability URL: the claim token mailed to the learner (256 random bits, hashed, expiring) is the credential")
class ClaimController {

	private final ClaimLinks links;

	private final Awards awards;

	private final Badges badges;

	private final Clock clock;

	private final OpenBadges3 ob3;

	private final Claims claims;

	private final Courses courses;

	private final BadgePictures pictures;

	private final SignedIssuers issuers;

	private final MessageSource messages;

	private final ClaimWindow window;

	private final ObjectProvider<ClaimSignIn> signIns;

	static final String BACKPACK_AWARD = "/backpack/awards/";

	ClaimController(ClaimLinks links, Awards awards, Badges badges, Clock clock, OpenBadges3 ob3, Claims claims, Courses courses,
			BadgePictures pictures, SignedIssuers issuers, MessageSource messages, ClaimWindow window,
			ObjectProvider<ClaimSignIn> signIns) {
		this.window = window;
		this.signIns = signIns;
		this.claims = claims;
		this.courses = courses;
		this.pictures = pictures;
		this.issuers = issuers;
		this.messages = messages;
		this.links = links;
		this.awards = awards;
		this.badges = badges;
		this.clock = clock;
		this.ob3 = ob3;
	}

	/**
	 * Files of a claimed credential come from the backpack, which needs its own sign-in (a claim link lives for weeks
	 * in a mailbox): the link's download addresses send to the same file there (its sign-in page when not signed in).
	 * A link of no claimed award has no files.
	 */
	@GetMapping("/claim/{token}/credential.{kind:json|jwt|png}")
	ResponseEntity<Void> download(@PathVariable String token, @PathVariable String kind) {
		return claimedAward(token).map(a -> ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(java.net.URI.create(BACKPACK_AWARD + a.id() + "/credential." + kind)).header("Cache-Control", "no-store")
				.<Void>build()).orElseGet(() -> ResponseEntity.notFound().build());
	}

	/**
	 * Who sees a claimed badge is the holder's choice in their backpack, behind its sign-in: the claim link (a mail that
	 * may be forwarded or read in an old mailbox) changes nothing and sends there.
	 */
	@PostMapping({ "/claim/{token}/visibility", "/claim/{token}/share-link" })
	ResponseEntity<Void> sharing(@PathVariable String token) {
		return claimedAward(token).map(a -> ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(java.net.URI.create(BACKPACK_AWARD + a.id())).header("Cache-Control", "no-store").<Void>build())
				.orElseGet(() -> ResponseEntity.notFound().build());
	}

	/** The claimed, unrevoked award of a live link. */
	private Optional<Award> claimedAward(String token) {
		return links.resolve(token).filter(l -> !l.expired(clock.instant())).flatMap(l -> awards.find(l.awardId()))
				.filter(a -> a.claimed() && !a.revoked());
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
			model.addAttribute("problem", text("learning.claim.problem.unknown"));
			return "claim/problem";
		}
		if (link.expired(clock.instant())) {
			response.setStatus(410);
			model.addAttribute("problem", text("learning.claim.problem.expired"));
			awards.find(link.awardId()).filter(a -> !a.claimed() && !a.revoked()).flatMap(a -> window.maskedAddress(token))
					.ifPresent(address -> {
						model.addAttribute("renewToken", token);
						model.addAttribute("address", address);
					});
			return "claim/problem";
		}
		Award award = awards.find(link.awardId()).orElseThrow();
		if (award.revoked()) {
			response.setStatus(410);
			String on = PanelView.date(award.revokedAt(), LocaleContextHolder.getLocale());
			model.addAttribute("problem", award.revokeReason() == null ? text("learning.panel.revoked", on)
					: text("learning.panel.revoked", on) + " " + text("learning.panel.revoked.reason", award.revokeReason()));
			return "claim/problem";
		}
		if (accept && !award.claimed()) {
			award = claims.claim(award.id());
			String claimed = award.id();
			signIns.orderedStream().findFirst().filter(s -> link.sentTo() != null).flatMap(s -> s.signIn(claimed, link.sentTo()))
					.ifPresent(cookie -> response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString()));
		}
		if (award.claimed() && !ob3.exists(award.id())) {
			try {
				ob3.issue(award.id());
				model.addAttribute("credentialProblem", null);
			}
			catch (OpenBadges3.NotIssuable ex) {
				model.addAttribute("credentialProblem", text("learning.claim.credential-problem", ex.getMessage()));
			}
		}
		BadgeClass badge = badges.find(award.badgeId()).orElseThrow();
		model.addAttribute("award", award);
		model.addAttribute("badge", badge);
		model.addAttribute("picture", pictures.badge(badge.id(), 128));
		model.addAttribute("issuer", issuers.forAward(award, badge));
		model.addAttribute("course", courses.context(award.contextId()).map(CourseContext::displayTitle).orElse(null));
		model.addAttribute("claimedOn", award.claimedAt() == null ? null : PanelView.date(award.claimedAt(), LocaleContextHolder.getLocale()));
		model.addAttribute("token", token);
		model.addAttribute("backpack", BACKPACK_AWARD + award.id());
		return "claim/claim";
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
