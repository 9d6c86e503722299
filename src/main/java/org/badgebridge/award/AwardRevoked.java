package org.badgebridge.award;

/** A teacher revoked an award, with a reason the learner is told. */
public record AwardRevoked(String awardId, String badgeId, long contextId, String userSub, String reason) {
}
