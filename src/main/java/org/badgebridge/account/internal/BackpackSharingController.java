package org.badgebridge.account.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.account.HeldAward;
import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.sharing.Sharing;
import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;

/**
 * The holder makes an accepted award public (it gets its share link, LinkedIn's "Add to profile" and a QR code) or
 * private again, or replaces the share link, from its page in the backpack. A badge not accepted, declined or revoked
 * cannot be shared: the page says so.
 */
@Controller
class BackpackSharingController {

	private final Sharing sharing;

	private final Awards awards;

	private final Notices notices;

	BackpackSharingController(Sharing sharing, Awards awards, Notices notices) {
		this.sharing = sharing;
		this.awards = awards;
		this.notices = notices;
	}

	@PostMapping(BackpackAwardController.PAGE + "/visibility")
	String visibility(HeldAward held, @RequestParam("public") boolean visible) {
		if (!shareable(held)) {
			return back(held, Notice.error(notices.text("learning.backpack.award.notShareable")));
		}
		sharing.setPublic(held.awardId(), visible);
		return back(held, Notice.info(notices.text(visible ? "learning.backpack.award.madePublic" : "learning.backpack.award.madePrivate")));
	}

	@PostMapping(BackpackAwardController.PAGE + "/share-link")
	String regenerate(HeldAward held) {
		if (!shareable(held)) {
			return back(held, Notice.error(notices.text("learning.backpack.award.notShareable")));
		}
		if (!awards.find(held.awardId()).map(Award::publicVisible).orElse(false)) {
			return back(held, Notice.error(notices.text("learning.backpack.award.privateNoLink")));
		}
		sharing.regenerate(held.awardId());
		return back(held, Notice.info(notices.text("learning.share.regenerated")));
	}

	private boolean shareable(HeldAward held) {
		return awards.find(held.awardId()).filter(a -> a.claimed() && !a.revoked() && !a.declined()).isPresent();
	}

	private String back(HeldAward held, Notice notice) {
		return notices.redirect(BackpackAwardController.PAGE.replace("{award}", held.awardId()), notice);
	}
}
