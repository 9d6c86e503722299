package org.badgebridge.badge;

/** A teacher switched automatic awarding on for a badge of a course. */
public record BadgeActivated(String badgeId, long contextId) {
}
