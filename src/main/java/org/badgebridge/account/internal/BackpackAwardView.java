package org.badgebridge.account.internal;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgePictures;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.CourseContext;
import org.badgebridge.course.Courses;
import org.badgebridge.credential.OpenBadges2;
import org.badgebridge.credential.SignedIssuers;
import org.badgebridge.sharing.Sharing;

/** What an award's page in the backpack shows: the badge, its issuer and course, its dates and state, what can be done. */
@Component
class BackpackAwardView {

	private final Awards awards;

	private final Badges badges;

	private final BadgePictures pictures;

	private final SignedIssuers issuers;

	private final Courses courses;

	private final HeldAwards held;

	private final NameChoices names;

	private final Sharing sharing;

	BackpackAwardView(Awards awards, Badges badges, BadgePictures pictures, SignedIssuers issuers, Courses courses, HeldAwards held,
			NameChoices names, Sharing sharing) {
		this.sharing = sharing;
		this.awards = awards;
		this.badges = badges;
		this.pictures = pictures;
		this.issuers = issuers;
		this.courses = courses;
		this.held = held;
		this.names = names;
	}

	Award award(String awardId) {
		return awards.find(awardId).orElseThrow();
	}

	void fill(String awardId, Model model) {
		Award award = award(awardId);
		BadgeClass badge = badges.find(award.badgeId()).orElseThrow();
		HeldAwards.State state = held.state(award, badge);
		model.addAttribute("award", award);
		model.addAttribute("badge", badge);
		model.addAttribute("state", state.name());
		model.addAttribute("picture", pictures.badge(badge.id(), 128));
		model.addAttribute("issuer", issuers.forAward(award, badge));
		model.addAttribute("course", courses.context(award.contextId()).map(CourseContext::displayTitle).orElse(null));
		model.addAttribute("expires", OpenBadges2.expires(award, badge).orElse(null));
		model.addAttribute("canAccept", !award.revoked() && !award.claimed());
		model.addAttribute("canDecline", !award.revoked() && !award.claimed() && !award.declined());
		boolean files = award.claimed() && !award.revoked() && !award.declined();
		model.addAttribute("files", files);
		model.addAttribute("share", files ? sharing.controls(award) : null);
		model.addAttribute("nameShown", names.shown(award.id()));
		model.addAttribute("base", BackpackAwardController.PAGE.replace("{award}", award.id()));
	}
}
