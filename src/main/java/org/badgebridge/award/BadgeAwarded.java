package org.badgebridge.award;

/** A learner earned a badge (created exactly once per badge, course and learner). */
public record BadgeAwarded(String awardId, String badgeId, long contextId, String userSub, String correlationId) {

	/** Carries the correlation id in force ({@link org.badgebridge.infrastructure.Correlation}). */
	public BadgeAwarded(String awardId, String badgeId, long contextId, String userSub) {
		this(awardId, badgeId, contextId, userSub, org.badgebridge.infrastructure.Correlation.current());
	}
}
