package org.badgebridge.claim;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgeImages;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.claim.internal.MailFacts;
import org.badgebridge.course.Courses;
import org.badgebridge.mail.MailTemplates;
import org.badgebridge.mail.Outbox;
import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.platform.ToolUrls;

/**
 * The claim mail (queued once per award, outbox key {@code claim:<award>}) and the revocation notice
 * ({@code revoked:<award>}), from the templates {@code mail/claim.*} and {@code mail/revoked.*} in the learner's language,
 * signed by the badge's issuer, dates in the institution's time zone.
 */
@Service
public class ClaimMails {

	private static final Logger log = LoggerFactory.getLogger(ClaimMails.class);

	private final Awards awards;

	private final Badges badges;

	private final Courses courses;

	private final ClaimLinks links;

	private final Outbox outbox;

	private final MailTemplates templates;

	private final MailFacts facts;

	private final ToolUrls urls;

	private final BadgeImages images;

	public ClaimMails(Awards awards, Badges badges, Courses courses, ClaimLinks links, Outbox outbox, MailTemplates templates,
			MailFacts facts, ToolUrls urls, BadgeImages images) {
		this.awards = awards;
		this.badges = badges;
		this.courses = courses;
		this.links = links;
		this.outbox = outbox;
		this.templates = templates;
		this.facts = facts;
		this.urls = urls;
		this.images = images;
	}

	static String key(String awardId) {
		return "claim:" + awardId;
	}

	/** Queues the claim mail unless it was queued before; returns whether a mail was queued now. */
	@Transactional
	public boolean queue(String awardId) {
		if (outbox.exists(key(awardId))) {
			return false; // a redelivered event: the mail is queued already
		}
		return send(awardId);
	}

	/** A new link and a new mail; the old link dies. */
	@Transactional
	public boolean resend(String awardId) {
		outbox.forget(key(awardId));
		return send(awardId);
	}

	private boolean send(String awardId) {
		Award award = awards.find(awardId).orElse(null);
		if (award == null || award.revoked() || award.declined()) { // the learner said no: the mail stays unsent
			return false;
		}
		String email = awards.recipientEmail(award);
		if (email == null) {
			log.info("Award {}: the LMS shared no email for learner {}; the claim mail waits until the learner gives one",
					awardId, award.userSub());
			return false;
		}
		String token = ClaimLinks.newToken();
		Instant expires = links.expiryFromNow();
		Mail mail = mail(award);
		mail.model().put("link", urls.absolute("/claim/" + token));
		mail.model().put("expires", facts.dateTime(expires, mail.issuer(), mail.locale()));
		mail.model().put("reason", teachersNote(award));
		MailTemplates.Rendered rendered = templates.render("claim", mail.locale(), mail.model(), mail.badge().name());
		// the outbox's unique key decides who sends (another node may be doing the same); only the sender's link is kept
		if (!outbox.queue(key(awardId), email, rendered.subject(), rendered.text(), rendered.html(), OutgoingMail.Secret.BODY)) {
			return false;
		}
		links.store(awardId, token, expires, email);
		return true;
	}

	/**
	 * A reminder that the claim window ends soon, with a further link to the same window (the first mail's link keeps
	 * working) and a link to switch reminders off; once per award, window and threshold (outbox key).
	 */
	@Transactional
	public boolean remind(String awardId, Instant windowEnd, int daysBefore) {
		Award award = awards.find(awardId).orElse(null);
		String email = award == null ? null : awards.recipientEmail(award);
		if (award == null || award.revoked() || award.claimed() || email == null) {
			return false;
		}
		String token = ClaimLinks.newToken();
		Mail mail = mail(award);
		mail.model().put("link", urls.absolute("/claim/" + token));
		mail.model().put("stop", urls.absolute("/claim/" + token + "/reminders"));
		mail.model().put("expires", facts.dateTime(windowEnd, mail.issuer(), mail.locale()));
		MailTemplates.Rendered rendered = templates.render("claim-reminder", mail.locale(), mail.model(), mail.badge().name());
		String key = "claim-reminder:" + awardId + ":" + windowEnd.toEpochMilli() + ":" + daysBefore;
		if (!outbox.queue(key, email, rendered.subject(), rendered.text(), rendered.html(), OutgoingMail.Secret.BODY)) {
			return false;
		}
		links.addToWindow(awardId, token, windowEnd, email);
		return true;
	}

	/** Tells the learner their award was revoked, when and why (once per award). */
	@Transactional
	public boolean revoked(String awardId) {
		Award award = awards.find(awardId).orElse(null);
		if (award == null || !award.revoked() || award.erased()) {
			return false; // a holder who deleted their data is not mailed about it
		}
		String email = awards.recipientEmail(award);
		if (email == null) {
			return false;
		}
		Mail mail = mail(award);
		mail.model().put("revokedOn", facts.dateTime(award.revokedAt(), mail.issuer(), mail.locale()));
		mail.model().put("reason", blankToNull(award.revokeReason()));
		MailTemplates.Rendered rendered = templates.render("revoked", mail.locale(), mail.model(), mail.badge().name());
		return outbox.queue("revoked:" + awardId, email, rendered.subject(), rendered.text(), rendered.html());
	}

	/** What both mails say: to whom, which badge (name, image), which course, from which issuer, in which language. */
	private Mail mail(Award award) {
		BadgeClass badge = badges.find(award.badgeId()).orElseThrow();
		IssuerProfile issuer = badges.issuer(badge);
		Locale locale = facts.locale(award.contextId(), award.userSub(), award.locale());
		Map<String, Object> model = facts.model(issuer, locale);
		model.put("name", blankToNull(award.recipientName()));
		model.put("badge", badge.name());
		model.put("course", courses.context(award.contextId()).orElseThrow().displayTitle());
		model.put("imageUrl", images.exists(badge.id()) ? urls.absolute("/badges/" + badge.id() + "/image") : null);
		return new Mail(badge, issuer, locale, model);
	}

	private record Mail(BadgeClass badge, IssuerProfile issuer, Locale locale, Map<String, Object> model) {
	}

	/** What the teacher wrote when awarding by hand (not the tool's own words for an award by the criteria). */
	private static String teachersNote(Award award) {
		return "system".equals(award.awardedBy()) || "Awarded by a teacher".equals(award.reason()) ? null : blankToNull(award.reason());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
