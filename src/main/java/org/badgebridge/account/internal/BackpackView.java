package org.badgebridge.account.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	/** One award as the backpack lists it; {@code state} is TO_CLAIM, ACCEPTED, SUSPENDED or REVOKED. */
	record Item(String awardId, String badgeName, String state, Award award) {
	}

	/** The awards of one institution. */
	record Institution(String name, List<Item> items) {
	}

	private final AwardStates states;

	private final Awards awards;

	private final Badges badges;

	private final Issuers issuers;

	BackpackView(AwardStates states, Awards awards, Badges badges, Issuers issuers) {
		this.states = states;
		this.awards = awards;
		this.badges = badges;
		this.issuers = issuers;
	}

	List<Institution> institutions(List<String> addresses) {
		Map<String, List<Item>> byInstitution = new LinkedHashMap<>();
		for (AwardStates.Held held : states.forRecipients(addresses)) {
			Optional<Award> award = awards.find(held.awardId());
			Optional<BadgeClass> badge = award.flatMap(a -> badges.find(a.badgeId()));
			if (award.isEmpty() || badge.isEmpty()) {
				continue;
			}
			IssuerProfile issuer = Optional.ofNullable(badge.get().issuerId()).flatMap(issuers::find).orElseGet(issuers::defaultIssuer);
			String state = switch (held.state()) {
				case "EARNED" -> "TO_CLAIM";
				case "CLAIMED" -> "ACCEPTED";
				default -> held.state();
			};
			byInstitution.computeIfAbsent(issuer.name(), k -> new ArrayList<>())
					.add(new Item(held.awardId(), badge.get().name(), state, award.get()));
		}
		return byInstitution.entrySet().stream().map(e -> new Institution(e.getKey(), List.copyOf(e.getValue()))).toList();
	}
}
