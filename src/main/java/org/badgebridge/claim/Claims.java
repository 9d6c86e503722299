package org.badgebridge.claim;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.award.Award;
import org.badgebridge.award.AwardChoices;
import org.badgebridge.award.Awards;
import org.badgebridge.web.InvalidInput;

/**
 * Claiming an award: one operation whether the learner follows the claim link of their mail or presses "Claim your
 * badge" in the course's badge panel. The award is marked claimed (told once) and its claim link marked used.
 */
@Service
public class Claims {

	private final Awards awards;

	private final ClaimLinks links;

	private final AwardChoices choices;

	public Claims(Awards awards, ClaimLinks links, AwardChoices choices) {
		this.awards = awards;
		this.links = links;
		this.choices = choices;
	}

	/** Claims the award unless it is revoked (a declined one is taken back up); returns the award as it is now. */
	@Transactional
	public Award claim(String awardId) {
		Award award = awards.find(awardId).orElseThrow(() -> new IllegalArgumentException("No award " + awardId));
		if (award.revoked()) {
			throw new InvalidInput(null, "A revoked badge cannot be claimed.", "learning.error.revoked");
		}
		if (!award.claimed()) {
			choices.undecline(award.id());
			awards.markClaimed(award.id());
			links.markUsedForAward(award.id());
		}
		return awards.find(award.id()).orElseThrow();
	}
}
