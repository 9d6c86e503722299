package org.badgebridge.award;

/** A learner earned a badge (created exactly once per badge, course and learner). */
public record BadgeAwarded(String awardId, String badgeId, long contextId, String userSub, String correlationId) {
}
