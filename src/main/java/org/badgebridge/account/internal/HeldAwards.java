package org.badgebridge.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.credential.OpenBadges2;

/**
 * Which awards an account holds (those claimed into it and those sent to one of its verified addresses, as the backpack
 * lists them) and the state the backpack shows each in.
 */
@Component
class HeldAwards {

	/** The states of an award in the backpack (message keys {@code learning.backpack.state.*}). */
	enum State {
		TO_CLAIM, ACCEPTED, DECLINED, EXPIRED, SUSPENDED, REVOKED
	}

	private final AccountBook book;

	private final Awards awards;

	private final Clock clock;

	HeldAwards(AccountBook book, Awards awards, Clock clock) {
		this.book = book;
		this.awards = awards;
		this.clock = clock;
	}

	boolean holds(String accountId, String awardId) {
		if (awardId.length() > 64) {
			return false;
		}
		if (book.accountOfAward(awardId).filter(accountId::equals).isPresent()) {
			return true;
		}
		Optional<String> sentTo = awards.find(awardId).map(Award::recipientEmail).map(a -> a.trim().toLowerCase(Locale.ROOT));
		return sentTo.isPresent() && book.addresses(accountId).stream().anyMatch(a -> a.equalsIgnoreCase(sentTo.get()));
	}

	/** Revoked and suspended come first; then the learner's own no; then expiry (the badge's period, if it has one). */
	State state(Award award, BadgeClass badge) {
		if (award.revoked()) {
			return State.REVOKED;
		}
		if (award.suspended()) {
			return State.SUSPENDED;
		}
		if (award.declined()) {
			return State.DECLINED;
		}
		Optional<Instant> expires = OpenBadges2.expires(award, badge);
		if (expires.isPresent() && expires.get().isBefore(clock.instant())) {
			return State.EXPIRED;
		}
		return award.claimed() ? State.ACCEPTED : State.TO_CLAIM;
	}
}
