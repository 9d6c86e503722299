package org.badgebridge.award;

import java.time.Instant;

/** One learner's award of one badge in one course. */
public record Award(String id, String badgeId, long contextId, String userSub, String recipientName, String recipientEmail,
		String locale, Instant awardedAt, String awardedBy, String reason, Instant revokedAt, String revokedBy,
		String revokeReason, Instant claimedAt) {

	public boolean revoked() {
		return revokedAt != null;
	}

	public boolean claimed() {
		return claimedAt != null;
	}
}
