package org.badgebridge.claim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.CourseContext;
import org.badgebridge.course.Courses;
import org.badgebridge.mail.Outbox;
import org.badgebridge.platform.ToolUrls;

/** The claim mail: queued once per award (outbox key {@code claim:<award>}), in the learner's language. */
@Service
public class ClaimMails {

	private static final Logger log = LoggerFactory.getLogger(ClaimMails.class);

	private final Awards awards;

	private final Badges badges;

	private final Courses courses;

	private final ClaimLinks links;

	private final Outbox outbox;

	private final MessageSource messages;

	private final ToolUrls urls;

	private final org.badgebridge.badge.BadgeImages images;

	public ClaimMails(Awards awards, Badges badges, Courses courses, ClaimLinks links, Outbox outbox,
			MessageSource messages, ToolUrls urls, org.badgebridge.badge.BadgeImages images) {
		this.images = images;
		this.awards = awards;
		this.badges = badges;
		this.courses = courses;
		this.links = links;
		this.outbox = outbox;
		this.messages = messages;
		this.urls = urls;
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
		if (award == null || award.revoked()) {
			return false;
		}
		String email = recipient(award);
		if (email == null) {
			log.info("Award {}: the LMS shared no email for learner {}; the claim mail waits until the learner gives one",
					awardId, award.userSub());
			return false;
		}
		BadgeClass badge = badges.find(award.badgeId()).orElseThrow();
		CourseContext course = courses.context(award.contextId()).orElseThrow();
		Locale locale = locale(award);
		String token = ClaimLinks.newToken();
		String link = urls.absolute("/claim/" + token);
		Instant expires = links.expiryFromNow();
		String expiry = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZoneOffset.UTC)
				.format(expires);
		String name = award.recipientName() == null ? "" : award.recipientName();
		String issuer = badges.issuer(badge).name();
		String image = images.exists(badge.id()) ? urls.absolute("/badges/" + badge.id() + "/image") : null;
		Object[] args = { name, badge.name(), course.displayTitle(), link, expiry, award.reason() == null ? "" : award.reason(),
				issuer };
		String subject = messages.getMessage("claim.mail.subject", args, locale);
		String text = messages.getMessage("claim.mail.text", args, locale);
		Object[] escaped = { esc(name), esc(badge.name()), esc(course.displayTitle()), esc(link), esc(expiry), esc(award.reason()),
				esc(issuer) };
		String html = (image == null ? "" : "<p><img src=\"" + esc(image) + "\" alt=\"\" width=\"96\" height=\"96\"></p>")
				+ messages.getMessage("claim.mail.html", escaped, locale);
		// the outbox's unique key decides who sends (another node may be doing the same); only the sender's link is kept
		if (!outbox.queue(key(awardId), email, subject, text, html, org.badgebridge.mail.OutgoingMail.Secret.BODY)) {
			return false;
		}
		links.store(awardId, token, expires);
		return true;
	}

	/** Tells the learner their award was revoked, and why (once per award). */
	@Transactional
	public boolean revoked(String awardId) {
		Award award = awards.find(awardId).orElse(null);
		if (award == null || !award.revoked()) {
			return false;
		}
		String email = recipient(award);
		if (email == null) {
			return false;
		}
		BadgeClass badge = badges.find(award.badgeId()).orElseThrow();
		CourseContext course = courses.context(award.contextId()).orElseThrow();
		Locale locale = locale(award);
		String name = award.recipientName() == null ? "" : award.recipientName();
		String issuer = badges.issuer(badge).name();
		Object[] args = { name, badge.name(), course.displayTitle(), award.revokeReason(), issuer };
		Object[] escaped = { esc(name), esc(badge.name()), esc(course.displayTitle()), esc(award.revokeReason()), esc(issuer) };
		return outbox.queue("revoked:" + awardId, email, messages.getMessage("revoke.mail.subject", args, locale),
				messages.getMessage("revoke.mail.text", args, locale), messages.getMessage("revoke.mail.html", escaped, locale));
	}

	/** The award's address, else the member's (shared by the LMS or confirmed by the learner); null when none. */
	private String recipient(Award award) {
		return awards.recipientEmail(award);
	}

	/** The learner's language from their launches, else the course's. */
	private Locale locale(Award award) {
		return locale(award.locale() != null ? award.locale() : courses.defaultLocale(award.contextId()).orElse(null));
	}

	static Locale locale(String value) {
		if (value != null && value.toLowerCase(Locale.ROOT).startsWith("nl")) {
			return Locale.forLanguageTag("nl");
		}
		return Locale.ENGLISH;
	}

	private static String esc(String s) {
		return s == null ? "" : HtmlUtils.htmlEscape(s);
	}
}
