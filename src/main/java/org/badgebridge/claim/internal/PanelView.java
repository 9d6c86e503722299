package org.badgebridge.claim.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.badgebridge.access.BadgeLearner;
import org.badgebridge.award.Approvals;
import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgePictures;
import org.badgebridge.badge.CriteriaSentences;
import org.badgebridge.claim.ClaimLinks;
import org.badgebridge.claim.EmailConfirmations;
import org.badgebridge.course.CourseContext;
import org.badgebridge.course.CourseData;
import org.badgebridge.course.CourseSyncs;
import org.badgebridge.course.Courses;
import org.badgebridge.credential.SignedIssuers;

/**
 * What the learner's badge panel shows, as one story: what it takes (criteria in plain words, learning outcomes,
 * issuer), how far the learner is per criterion, then claiming it right there, where the claim mail went, and after
 * claiming the badge's public page and the downloads.
 */
@Component
class PanelView {

	/** Times on the learner's pages are shown in the institution's zone, named. */
	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	private final Awards awards;

	private final CourseSyncs syncs;

	private final CourseData courseData;

	private final Courses courses;

	private final Approvals approvals;

	private final EmailConfirmations emails;

	private final ClaimLinks links;

	private final BadgePictures pictures;

	private final SignedIssuers issuers;

	private final CriteriaSentences sentences;

	PanelView(Awards awards, CourseSyncs syncs, CourseData courseData, Courses courses, Approvals approvals, EmailConfirmations emails,
			ClaimLinks links, BadgePictures pictures, SignedIssuers issuers, CriteriaSentences sentences) {
		this.awards = awards;
		this.syncs = syncs;
		this.courseData = courseData;
		this.courses = courses;
		this.approvals = approvals;
		this.emails = emails;
		this.links = links;
		this.pictures = pictures;
		this.issuers = issuers;
		this.sentences = sentences;
	}

	void fill(BadgeLearner learner, boolean fresh, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		BadgeClass badge = learner.badge();
		long contextId = learner.contextId();
		String userSub = learner.userSub();
		Awards.Standing standing = awards.standing(badge, userSub).orElse(null);
		Award award = awards.forLearner(badge.id(), contextId, userSub).orElse(null);
		CourseData.Member member = courseData.member(contextId, userSub).orElse(null);
		model.addAttribute("badge", badge);
		model.addAttribute("picture", pictures.badge(badge.id(), 128));
		model.addAttribute("displayName", learner.displayName());
		model.addAttribute("course", courses.context(contextId).map(CourseContext::displayTitle).orElse(null));
		model.addAttribute("issuer", award != null ? issuers.forAward(award, badge) : issuers.current(badge));
		model.addAttribute("outcomes", blank(badge.details().learningOutcomes()) ? null : badge.details().learningOutcomes());
		model.addAttribute("narrative", blank(badge.details().criteriaNarrative()) ? null : badge.details().criteriaNarrative());
		model.addAttribute("criteria", badge.hasCriteria()
				? sentences.lines(badge.criteria(), standing == null || standing.outcome() == null ? null : standing.outcome().progress(), locale)
				: null);
		model.addAttribute("deadline", badge.hasCriteria() && badge.criteria().deadline() != null ? date(badge.criteria().deadline(), locale) : null);
		model.addAttribute("award", award);
		model.addAttribute("earned", award != null && !award.revoked());
		String email = award != null ? awards.recipientEmail(award) : member == null || blank(member.email()) ? null : member.email();
		model.addAttribute("email", email);
		ClaimLinks.Link link = award == null ? null : links.forAward(award.id()).orElse(null);
		model.addAttribute("mailSent", link != null);
		model.addAttribute("linkExpires", link == null ? null : date(link.expiresAt(), locale));
		model.addAttribute("awardedOn", award == null ? null : date(award.awardedAt(), locale));
		model.addAttribute("claimedOn", award == null || award.claimedAt() == null ? null : date(award.claimedAt(), locale));
		model.addAttribute("revokedOn", award == null || award.revokedAt() == null ? null : date(award.revokedAt(), locale));
		model.addAttribute("suspendedOn", award == null || award.suspendedAt() == null ? null : date(award.suspendedAt(), locale));
		var sync = syncs.status(contextId).orElse(null);
		model.addAttribute("asOf", !fresh && sync != null && sync.lastFinishedAt() != null ? dateTime(sync.lastFinishedAt(), locale) : null);
		model.addAttribute("approvalCriteria", badge.hasCriteria() ? badge.criteria().approvals() : List.of());
		Map<String, Approvals.Request> requests = new HashMap<>();
		approvals.forLearner(badge.id(), contextId, userSub).forEach(r -> requests.put(r.criterionKey(), r));
		model.addAttribute("approvalRequests", requests);
		model.addAttribute("needsEmail", email == null && (award == null || !award.claimed()));
		model.addAttribute("codeSent", emails.pending(contextId, userSub));
	}

	static String date(Instant instant, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZONE).format(instant);
	}

	static String dateTime(Instant instant, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale).withZone(ZONE).format(instant)
				+ " (" + DateTimeFormatter.ofPattern("zzzz", locale).withZone(ZONE).format(instant) + ")";
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
