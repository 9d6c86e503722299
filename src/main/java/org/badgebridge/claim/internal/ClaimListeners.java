package org.badgebridge.claim.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.badgebridge.award.BadgeAwarded;
import org.badgebridge.claim.ClaimMails;

/**
 * An award queues its claim mail, a revocation its notice (once each: the outbox key is unique per award and kind); an
 * award its holder deleted loses its claim links (and the address they were mailed to) instead.
 */
@Component
class ClaimListeners {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClaimListeners.class);

	private final ClaimMails mails;

	private final org.badgebridge.claim.ClaimLinks links;

	private final org.badgebridge.award.Awards awards;

	ClaimListeners(ClaimMails mails, org.badgebridge.claim.ClaimLinks links, org.badgebridge.award.Awards awards) {
		this.mails = mails;
		this.links = links;
		this.awards = awards;
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
		if (awards.find(event.awardId()).filter(org.badgebridge.award.Award::erased).isPresent()) {
			links.forgetAward(event.awardId()); // the holder deleted their data: the links, and the address they went to, go
			return;
		}
		mails.revoked(event.awardId());
	}
}
