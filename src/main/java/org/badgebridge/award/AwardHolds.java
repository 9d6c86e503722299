package org.badgebridge.award;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.award.internal.AwardRows;
import org.badgebridge.award.internal.ScorePosts;

/**
 * Holds on an award: suspended for now (its credential reads as suspended until reinstated), e.g. while an appeal or
 * a fraud check runs; unlike revocation it can be undone. Each change publishes its event in its transaction.
 */
@Service
public class AwardHolds {

	private final JdbcClient jdbc;

	private final AwardRows rows;

	private final ScorePosts scorePosts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AwardHolds(JdbcClient jdbc, AwardRows rows, ScorePosts scorePosts, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.scorePosts = scorePosts;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Award suspend(String awardId, String teacher, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new AwardRefused("Say why the award is suspended.", "common.error.award.suspendReason");
		}
		Award award = rows.find(awardId).orElseThrow(() -> new IllegalArgumentException("No award " + awardId));
		if (award.revoked()) {
			throw new AwardRefused("A revoked award cannot be suspended.", "common.error.award.suspendRevoked");
		}
		long now = clock.millis();
		if (jdbc.sql("update award set suspended_at=?, suspend_reason=? where id=? and suspended_at is null and revoked_at is null")
				.params(now, reason, awardId).update() == 1) {
			scorePosts.record(awardId, ScorePosts.Change.SUSPENDED, now); // the gradebook shows no grade while suspended
			events.publishEvent(new AwardSuspended(awardId, award.badgeId(), award.contextId(), award.userSub(), teacher, reason));
		}
		rows.log(awardId, award.badgeId(), award.userSub(), "SUSPENDED", teacher, reason);
		return rows.find(awardId).orElseThrow();
	}

	@Transactional
	public Award reinstate(String awardId, String teacher) {
		Award award = rows.find(awardId).orElseThrow(() -> new IllegalArgumentException("No award " + awardId));
		if (jdbc.sql("update award set suspended_at=null, suspend_reason=null where id=? and suspended_at is not null and revoked_at is null")
				.param(awardId).update() == 1) {
			scorePosts.record(awardId, ScorePosts.Change.REINSTATED, clock.millis()); // "earned" again
			events.publishEvent(new AwardReinstated(awardId, award.badgeId(), award.contextId(), award.userSub(), teacher));
		}
		rows.log(awardId, award.badgeId(), award.userSub(), "REINSTATED", teacher, null);
		return rows.find(awardId).orElseThrow();
	}
}
