package org.badgebridge.award;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.award.internal.ScorePosts;

/**
 * The holder deletes their data (the account module calls this per award when an account is deleted): the award is
 * revoked with the reason {@value Award#DELETED_BY_HOLDER}, its personal data (name, address, evidence) is removed and
 * it is made private. The award's id, its revocation and so its status bits stay, so that every URL baked into images
 * already handed out answers {@code 410 Gone} rather than "not found" (docs/sharing.md). Nobody is mailed about it.
 */
@Service
public class HolderErasure {

	static final String HOLDER = "holder";

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	private final ScorePosts scorePosts;

	private final ApplicationEventPublisher events;

	private final Awards awards;

	HolderErasure(JdbcClient jdbc, java.time.Clock clock, ScorePosts scorePosts, ApplicationEventPublisher events, Awards awards) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.scorePosts = scorePosts;
		this.events = events;
		this.awards = awards;
	}

	/** Erases the award for its holder; a second call changes nothing. Empty for an unknown award. */
	@Transactional
	public Optional<Award> erase(String awardId) {
		Optional<Award> found = awards.find(awardId);
		if (found.isEmpty() || found.get().erased()) {
			return found;
		}
		Award award = found.get();
		long now = clock.millis();
		boolean revokedNow = !award.revoked();
		jdbc.sql("""
				update award set revoked_at=coalesce(revoked_at, ?), revoked_by=coalesce(revoked_by, ?),
				  revoke_reason=coalesce(revoke_reason, ?), recipient_name=null, recipient_email=null, evidence=null,
				  public_visible=false, erased_at=? where id=? and erased_at is null""")
				.params(now, HOLDER, Award.DELETED_BY_HOLDER, now, awardId).update();
		if (revokedNow) {
			scorePosts.record(awardId, ScorePosts.Change.REVOKED, now); // the gradebook shows no grade, as for any revocation
		}
		jdbc.sql("insert into award_log (award_id, badge_id, user_sub, action, actor, reason, at) values (?,?,?,?,?,?,?)")
				.params(awardId, award.badgeId(), award.userSub(), "ERASED_BY_HOLDER", HOLDER, Award.DELETED_BY_HOLDER, now).update();
		if (revokedNow) {
			events.publishEvent(new AwardRevoked(awardId, award.badgeId(), award.contextId(), award.userSub(), Award.DELETED_BY_HOLDER));
		}
		return awards.find(awardId);
	}
}
