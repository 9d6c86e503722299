package org.badgebridge.award;

import java.time.Instant;

/** One learner's award of one badge in one course. */
public record Award(String id, String badgeId, long contextId, String userSub, String recipientName, String recipientEmail,
		String locale, Instant awardedAt, String awardedBy, String reason, Instant revokedAt, String revokedBy,
		String revokeReason, Instant claimedAt, String evidence, boolean publicVisible, Instant suspendedAt, String suspendReason,
		Instant erasedAt) {

	/** The revocation reason when the holder deleted their data (account deletion). */
	public static final String DELETED_BY_HOLDER = "deleted by holder";

	public boolean revoked() {
		return revokedAt != null;
	}

	public boolean suspended() {
		return suspendedAt != null;
	}

	/** The holder deleted their data: revoked, personal data removed, every public URL answers 410. */
	public boolean erased() {
		return erasedAt != null;
	}

	public boolean claimed() {
		return claimedAt != null;
	}
}
