package org.badgebridge.account.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.badgebridge.award.AwardClaimed;
import org.badgebridge.award.Awards;

/**
 * A claim proved the award's address (the award's, else the course's): the account holding it, made now if none does,
 * gets the award (idempotent per address and award).
 */
@Component
class ClaimedAddresses {

	private final Awards awards;

	private final AccountBook book;

	ClaimedAddresses(Awards awards, AccountBook book) {
		this.awards = awards;
		this.book = book;
	}

	@ApplicationModuleListener
	void on(AwardClaimed claimed) {
		awards.find(claimed.awardId()).map(awards::recipientEmail).filter(a -> Secrets.address(a) != null)
				.ifPresent(address -> book.claimed(claimed.awardId(), book.accountFor(address)));
	}
}
