package org.badgebridge.award;

/** A teacher lifted an award's suspension (published in the reinstating transaction). */
public record AwardReinstated(String awardId, String badgeId, long contextId, String userSub, String actor) {
}
