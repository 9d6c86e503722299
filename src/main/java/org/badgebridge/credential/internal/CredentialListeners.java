package org.badgebridge.credential.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.badgebridge.award.AwardClaimed;
import org.badgebridge.credential.OpenBadges3;

/** Mints the Open Badges 3.0 credential as soon as an award is claimed (a download would mint it too). */
@Component
class CredentialListeners {

	private static final Logger log = LoggerFactory.getLogger(CredentialListeners.class);

	private final OpenBadges3 ob3;

	CredentialListeners(OpenBadges3 ob3) {
		this.ob3 = ob3;
	}

	@ApplicationModuleListener
	void on(AwardClaimed event) {
		try {
			ob3.issue(event.awardId());
		}
		catch (OpenBadges3.NotIssuable ex) {
			log.info("No credential for award {} yet: {}", event.awardId(), ex.getMessage());
		}
	}
}
