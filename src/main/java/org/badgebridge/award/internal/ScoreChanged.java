package org.badgebridge.award.internal;

/**
 * An award changed in a way the LMS gradebook shows (revoked, suspended, reinstated): the score recorded for
 * {@code scoreAt} (epoch milliseconds) is to be posted. "Earned" travels as {@code BadgeAwarded}.
 */
public record ScoreChanged(String awardId, long scoreAt) {
}
