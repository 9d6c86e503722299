package org.badgebridge.sharing.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.badgebridge.award.AwardRevoked;
import org.badgebridge.award.Awards;
import org.badgebridge.sharing.ShareLinks;

/**
 * An award the holder deleted loses its share link for good (it answers "no longer shared" from then on). An award the
 * issuer revoked keeps it: the page it opens says that the badge was revoked.
 */
@Component
class SharingListeners {

	private final Awards awards;

	private final ShareLinks links;

	SharingListeners(Awards awards, ShareLinks links) {
		this.awards = awards;
		this.links = links;
	}

	@ApplicationModuleListener
	void on(AwardRevoked event) {
		awards.find(event.awardId()).filter(a -> a.erased()).ifPresent(a -> links.end(a.id()));
	}
}
