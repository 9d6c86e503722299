package org.badgebridge.course;

import java.time.Instant;

/** What the last sync of a course did: when, how long, with what outcome and error. */
public record SyncStatus(long contextId, Instant lastStartedAt, Instant lastFinishedAt, Long durationMillis, String outcome,
		String error, Integer calls, Integer changedResults) {

	public boolean succeeded() {
		return "SUCCESS".equals(outcome);
	}
}
