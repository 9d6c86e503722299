package org.badgebridge.account.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.badgebridge.award.AwardClaimed;
import org.badgebridge.award.Awards;

/** A claim proved the award's address: the account holding it, made now if none does (idempotent per address). */
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
		awards.find(claimed.awardId()).map(awards::recipientEmail).filter(a -> Secrets.address(a) != null).ifPresent(book::accountFor);
	}
}
