package org.badgebridge.award;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of awards nobody claimed: after the configured period their personal data (the recipient's name and
 * address) is removed. The award row stays with its badge, course and LMS subject, so the next evaluation finds the
 * learner awarded and does not award (or mail) again; its id and status stay verifiable.
 */
@Service
public class UnclaimedAwardRetention {

	static final String ACTOR = "retention";

	private final JdbcClient jdbc;

	private final Clock clock;

	UnclaimedAwardRetention(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Removes name and address from at most {@code limit} unclaimed awards made before {@code awardedBefore}; returns their
	 * ids (a repeated call does not find them again).
	 */
	private record Due(String id, String badgeId, String userSub) {
	}

	@Transactional
	public List<String> forgetUnclaimed(Instant awardedBefore, int limit) {
		List<Due> due = jdbc.sql("""
				select id, badge_id, user_sub from award where claimed_at is null and erased_at is null and awarded_at < ?
				  and (recipient_name is not null or recipient_email is not null) order by awarded_at limit ?""")
				.params(awardedBefore.toEpochMilli(), limit)
				.query((rs, i) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3)))
				.list();
		long now = clock.millis();
		List<String> forgotten = new ArrayList<>();
		for (Due award : due) {
			if (jdbc.sql("""
					update award set recipient_name=null, recipient_email=null where id=? and claimed_at is null
					  and (recipient_name is not null or recipient_email is not null)""").param(award.id()).update() == 0) {
				continue; // claimed or purged meanwhile
			}
			jdbc.sql("insert into award_log (award_id, badge_id, user_sub, action, actor, reason, at) values (?,?,?,?,?,?,?)")
					.params(award.id(), award.badgeId(), award.userSub(), "UNCLAIMED_PURGED", ACTOR, "retention period of unclaimed awards",
							now)
					.update();
			forgotten.add(award.id());
		}
		return forgotten;
	}
}
