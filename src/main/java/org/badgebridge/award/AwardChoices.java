package org.badgebridge.award;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learner's own say over an award sent to them: declining it (it then gets no reminders and no credential, and
 * its public data answers as a private award's) and taking it back up later, which claiming does, as long as the
 * award is not revoked. Only an award still to claim can be declined: an accepted one has a credential handed out.
 */
@Service
public class AwardChoices {

	/** What declining did. */
	public enum Declined {
		/** The award is declined now (or was already). */
		DECLINED,
		/** Accepted or revoked: there is nothing to decline. */
		NOT_DECLINABLE
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Awards awards;

	AwardChoices(JdbcClient jdbc, Clock clock, Awards awards) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.awards = awards;
	}

	/** The learner declines an award still to claim; it also becomes private. */
	@Transactional
	public Declined decline(String awardId) {
		Award award = awards.find(awardId).orElseThrow(() -> new IllegalArgumentException("No award " + awardId));
		if (award.declined()) {
			return Declined.DECLINED;
		}
		if (award.claimed() || award.revoked()) {
			return Declined.NOT_DECLINABLE;
		}
		if (jdbc.sql("update award set declined_at=?, public_visible=? where id=? and declined_at is null and claimed_at is null "
				+ "and revoked_at is null").params(clock.millis(), false, awardId).update() == 0) {
			return awards.find(awardId).filter(Award::declined).isPresent() ? Declined.DECLINED : Declined.NOT_DECLINABLE;
		}
		log(award, "DECLINED");
		return Declined.DECLINED;
	}

	/**
	 * A declined award taken back up: no longer declined (the claim that follows marks it claimed). A revoked award
	 * stays as it is.
	 */
	@Transactional
	public void undecline(String awardId) {
		Award award = awards.find(awardId).orElseThrow(() -> new IllegalArgumentException("No award " + awardId));
		if (award.declined() && !award.revoked()
				&& jdbc.sql("update award set declined_at=null where id=? and declined_at is not null and revoked_at is null")
						.param(awardId).update() == 1) {
			log(award, "UNDECLINED");
		}
	}

	private void log(Award award, String action) {
		jdbc.sql("insert into award_log (award_id, badge_id, user_sub, action, actor, reason, at) values (?,?,?,?,?,?,?)")
				.params(award.id(), award.badgeId(), award.userSub(), action, award.userSub(), null, clock.millis()).update();
	}
}
