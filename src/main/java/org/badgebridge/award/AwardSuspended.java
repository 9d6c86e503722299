package org.badgebridge.award;

/** A teacher suspended an award for now (published in the suspending transaction). */
public record AwardSuspended(String awardId, String badgeId, long contextId, String userSub, String actor, String reason) {
}
