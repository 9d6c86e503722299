package org.badgebridge.account.internal;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.badgebridge.award.Award;
import org.badgebridge.award.AwardStates;
import org.badgebridge.award.Awards;

/** The awards of an account, as its holder's privacy choices reach them: claimed into it or sent to one of its addresses. */
@Component
class PrivacyAwards {

	private final AccountBook book;

	private final AwardStates states;

	private final Awards awards;

	PrivacyAwards(AccountBook book, AwardStates states, Awards awards) {
		this.book = book;
		this.states = states;
		this.awards = awards;
	}

	List<Award> of(String accountId) {
		Set<String> ids = new LinkedHashSet<>(book.claimedAwards(accountId));
		states.forRecipients(book.addresses(accountId)).forEach(held -> ids.add(held.awardId()));
		return ids.stream().map(awards::find).flatMap(Optional::stream).sorted(Comparator.comparing(Award::awardedAt)).toList();
	}
}
