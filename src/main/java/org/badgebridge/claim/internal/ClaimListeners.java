package org.badgebridge.claim.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.badgebridge.award.BadgeAwarded;
import org.badgebridge.claim.ClaimMails;

/** An award queues its claim mail, a revocation its notice (once each: the outbox key is unique per award and kind). */
@Component
class ClaimListeners {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClaimListeners.class);

	private final ClaimMails mails;

	ClaimListeners(ClaimMails mails) {
		this.mails = mails;
	}

	@ApplicationModuleListener
	void on(BadgeAwarded event) {
		try (var correlation = org.badgebridge.infrastructure.Correlation.open(event.correlationId())) {
			mails.queue(event.awardId());
			log.info("Claim mail for award {} queued", event.awardId());
		}
	}

	/** A revocation is told to the learner (once: the outbox key is unique per award). */
	@ApplicationModuleListener
	void on(org.badgebridge.award.AwardRevoked event) {
		mails.revoked(event.awardId());
	}
}
