package org.badgebridge.account.internal;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.award.Award;
import org.badgebridge.credential.RecipientNameChoice;

/**
 * The learner's choice, per award, to show their name in its Open Badges 3.0 credential (off unless they tick it on
 * the award's page in their backpack); the credential module asks it when it issues one.
 */
@Component
class NameChoices implements RecipientNameChoice {

	private final JdbcClient jdbc;

	private final Clock clock;

	NameChoices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Optional<String> nameToShow(Award award) {
		return shown(award.id()) ? Optional.ofNullable(award.recipientName()) : Optional.empty();
	}

	boolean shown(String awardId) {
		return jdbc.sql("select count(*) from account_name_choice where award_id=?").param(awardId).query(Integer.class).single() > 0;
	}

	/** Records the choice; returns whether it changed. */
	@Transactional
	boolean choose(String awardId, boolean show) {
		if (show == shown(awardId)) {
			return false;
		}
		if (show) {
			jdbc.sql("insert into account_name_choice (award_id, chosen_at) values (?,?)").params(awardId, clock.millis()).update();
		}
		else {
			jdbc.sql("delete from account_name_choice where award_id=?").param(awardId).update();
		}
		return true;
	}
}
