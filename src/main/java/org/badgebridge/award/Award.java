package org.badgebridge.award;

import java.time.Instant;

/** One learner's award of one badge in one course. */
public record Award(String id, String badgeId, long contextId, String userSub, String recipientName, String recipientEmail,
		String locale, Instant awardedAt, String awardedBy, String reason, Instant revokedAt, String revokedBy,
		String revokeReason, Instant claimedAt, String evidence, boolean publicVisible, Instant suspendedAt, String suspendReason) {

	public boolean revoked() {
		return revokedAt != null;
	}

	public boolean suspended() {
		return suspendedAt != null;
	}

	public boolean claimed() {
		return claimedAt != null;
	}
}
