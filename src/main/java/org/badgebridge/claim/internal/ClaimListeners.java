package org.badgebridge.claim.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.badgebridge.award.BadgeAwarded;
import org.badgebridge.claim.ClaimMails;

/** An award queues its claim mail (once: the outbox key is unique per award). */
@Component
class ClaimListeners {

	private final ClaimMails mails;

	ClaimListeners(ClaimMails mails) {
		this.mails = mails;
	}

	@ApplicationModuleListener
	void on(BadgeAwarded event) {
		mails.queue(event.awardId());
	}
}
