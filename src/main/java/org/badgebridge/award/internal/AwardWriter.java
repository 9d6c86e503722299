package org.badgebridge.award.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.award.BadgeAwarded;

/**
 * Writes one award, its log entry and its {@code BadgeAwarded} publication in a transaction of their own: a
 * course of thousands holds no long transaction, and a learner awarded by a concurrent evaluation (another
 * node, a repeated sync) costs only that learner's insert.
 */
@Component
public class AwardWriter {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ScorePosts scorePosts;

	AwardWriter(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, ScorePosts scorePosts) {
		this.scorePosts = scorePosts;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public record NewAward(String id, String badgeId, long contextId, String userSub, String name, String email, String locale,
			String actor, String reason, String evidence) {
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void insert(NewAward a) {
		long now = clock.millis();
		jdbc.sql("""
				insert into award (id, badge_id, context_id, user_sub, recipient_name, recipient_email, locale, awarded_at,
				  awarded_by, reason, evidence) values (?,?,?,?,?,?,?,?,?,?,?)""")
				.params(a.id(), a.badgeId(), a.contextId(), a.userSub(), a.name(), a.email(), a.locale(), now, a.actor(), a.reason(),
						a.evidence())
				.update();
		jdbc.sql("insert into award_log (award_id, badge_id, user_sub, action, actor, reason, at) values (?,?,?,?,?,?,?)")
				.params(a.id(), a.badgeId(), a.userSub(), "AWARDED", a.actor(), a.reason(), now).update();
		scorePosts.recordEarned(a.id(), now);
		events.publishEvent(new BadgeAwarded(a.id(), a.badgeId(), a.contextId(), a.userSub(),
				org.badgebridge.infrastructure.Correlation.current()));
	}

	/** The award's recipient salt: 12 random bytes (hex) made on first use; a concurrent first use keeps the one stored first. */
	public String recipientSalt(String awardId) {
		String salt = jdbc.sql("select recipient_salt from award where id=?").param(awardId).query(String.class).optional().orElse(null);
		if (salt != null) {
			return salt;
		}
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		jdbc.sql("update award set recipient_salt=? where id=? and recipient_salt is null").params(HexFormat.of().formatHex(bytes), awardId)
				.update();
		return jdbc.sql("select recipient_salt from award where id=?").param(awardId).query(String.class).single();
	}
}
