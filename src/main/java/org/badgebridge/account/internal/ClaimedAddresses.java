package org.badgebridge.account.internal;

import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
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
		record(claimed.awardId());
	}

	/** Puts the claimed award into the account of its address; returns that account, if the award has an address. */
	Optional<String> record(String awardId) {
		return record(awardId, null);
	}

	/**
	 * As {@link #record(String)}, but only when the award's address is {@code proven} (when given): the address a claim
	 * link was mailed to. The award's address can change after the mail (the LMS's data), and whoever claims by an old
	 * link must not reach the backpack of whatever address the award names now.
	 */
	Optional<String> record(String awardId, String proven) {
		Optional<String> address = awards.find(awardId).filter(a -> a.claimed()).map(awards::recipientEmail)
				.filter(a -> Secrets.address(a) != null)
				.filter(a -> proven == null || Secrets.address(a).equals(Secrets.address(proven)));
		if (address.isEmpty()) {
			return Optional.empty();
		}
		String account;
		try {
			account = book.accountFor(address.get());
		}
		catch (DataIntegrityViolationException ex) {
			account = book.accountOf(address.get()).orElseThrow(); // made at the same moment for another proof of the address
		}
		book.claimed(awardId, account);
		return Optional.of(account);
	}
}
