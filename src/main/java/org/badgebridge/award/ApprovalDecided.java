package org.badgebridge.award;

/** A teacher approved or denied a learner's approval request (published in the deciding transaction). */
public record ApprovalDecided(String requestId, String badgeId, long contextId, String userSub, String criterionKey,
		boolean approved, String actor, String note) {
}
