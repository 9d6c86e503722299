package org.badgebridge.award.internal;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import org.badgebridge.award.Awards;
import org.badgebridge.award.BadgeAwarded;
import org.badgebridge.badge.BadgeActivated;
import org.badgebridge.course.CourseSynced;
import org.badgebridge.course.CourseSyncs;

/**
 * What awarding does on events: a badge switched on gets its course synced; a complete sync is evaluated;
 * an award, its revocation, suspension and reinstatement are told to the badge's own gradebook column. Each runs
 * after the publishing transaction commits and is retried by the event publication registry until it succeeds, so
 * each is idempotent. The gradebook listeners queue the post in the platform's lane and return its future; the post
 * runs without a transaction of its own: each step of {@link ScorePosts} commits at once, so a concurrent delivery
 * sees that a score is being posted.
 */
@Component
class AwardListeners {

	private static final Logger log = LoggerFactory.getLogger(AwardListeners.class);

	private final Awards awards;

	private final CourseSyncs syncs;

	private final ScorePosts scorePosts;

	AwardListeners(Awards awards, CourseSyncs syncs, ScorePosts scorePosts) {
		this.awards = awards;
		this.syncs = syncs;
		this.scorePosts = scorePosts;
	}

	@ApplicationModuleListener
	void on(BadgeActivated event) {
		syncs.syncNow(event.contextId());
	}

	@ApplicationModuleListener
	void on(CourseSynced event) {
		try (var correlation = org.badgebridge.infrastructure.Correlation.open(event.correlationId())) {
			int awarded = awards.evaluateCourse(event.contextId());
			if (awarded > 0) {
				log.info("Course {}: {} new award(s) after sync", event.contextId(), awarded);
			}
		}
	}

	/**
	 * Tells the LMS "earned" once (a repeated or late delivery posts nothing: see {@link ScorePosts}). Runs after the
	 * award's commit and only queues the post in its platform's lane: the delivery is complete when the returned
	 * future is (Spring Modulith marks the publication then, or failed, to be resubmitted), and no thread waits.
	 */
	@TransactionalEventListener
	CompletableFuture<Void> on(BadgeAwarded event) {
		return scorePosts.postEarnedLater(event.awardId(), event.correlationId());
	}

	/** Tells the LMS a revocation or suspension (no grade) or a reinstatement ("earned" again), once; as above. */
	@TransactionalEventListener
	CompletableFuture<Void> on(ScoreChanged event) {
		return scorePosts.postLater(event.awardId(), event.scoreAt());
	}
}
