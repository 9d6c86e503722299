package org.badgebridge.account.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.badgebridge.award.Award;
import org.badgebridge.award.AwardStates;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.badge.Issuers;

/** What the backpack shows: the account's awards with their state, grouped by the institution that issued them. */
@Component
class BackpackView {

	/** One award as the backpack lists it, with its state ({@link HeldAwards.State}). */
	record Item(String awardId, String badgeName, String state, Award award) {
	}

	/** The awards of one institution. */
	record Institution(String name, List<Item> items) {
	}

	private final AwardStates states;

	private final Awards awards;

	private final Badges badges;

	private final Issuers issuers;

	private final HeldAwards held;

	BackpackView(AwardStates states, Awards awards, Badges badges, Issuers issuers, HeldAwards held) {
		this.held = held;
		this.states = states;
		this.awards = awards;
		this.badges = badges;
		this.issuers = issuers;
	}

	/** The awards sent to the addresses and those claimed into the account, newest first, by institution. */
	List<Institution> institutions(List<String> addresses, List<String> claimed) {
		Set<String> ids = new LinkedHashSet<>(claimed);
		states.forRecipients(addresses).forEach(held -> ids.add(held.awardId()));
		List<Award> found = ids.stream().map(awards::find).flatMap(Optional::stream)
				.sorted(Comparator.comparing(Award::awardedAt).reversed()).toList();
		Map<String, List<Item>> byInstitution = new LinkedHashMap<>();
		for (Award award : found) {
			Optional<BadgeClass> badge = badges.find(award.badgeId());
			if (badge.isEmpty()) {
				continue;
			}
			IssuerProfile issuer = Optional.ofNullable(badge.get().issuerId()).flatMap(issuers::find).orElseGet(issuers::defaultIssuer);
			byInstitution.computeIfAbsent(issuer.name(), k -> new ArrayList<>())
					.add(new Item(award.id(), badge.get().name(), held.state(award, badge.get()).name(), award));
		}
		return byInstitution.entrySet().stream().map(e -> new Institution(e.getKey(), List.copyOf(e.getValue()))).toList();
	}
}
