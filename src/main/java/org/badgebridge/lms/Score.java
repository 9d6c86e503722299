package org.badgebridge.lms;

import java.time.Instant;

/** A score the tool publishes ({@code POST .../scores}). */
public record Score(String userId, Double scoreGiven, Double scoreMaximum, String comment, ActivityProgress activityProgress,
		GradingProgress gradingProgress, Instant timestamp) {

	public enum ActivityProgress {
		Initialized, Started, InProgress, Submitted, Completed
	}

	public enum GradingProgress {
		FullyGraded, Pending, PendingManual, Failed, NotReady
	}

	/** "Earned": 1 of 1, completed and fully graded. */
	public static Score earned(String userId, Instant timestamp) {
		return new Score(userId, 1.0, 1.0, null, ActivityProgress.Completed, GradingProgress.FullyGraded, timestamp);
	}

	/**
	 * No grade: no {@code scoreGiven} and not fully graded. Moodle then stores an empty grade, shows "-" and returns
	 * the activity's completion to incomplete; a score of 0 would still count as "received a grade".
	 */
	public static Score cleared(String userId, Instant timestamp) {
		return new Score(userId, null, null, null, ActivityProgress.Initialized, GradingProgress.NotReady, timestamp);
	}
}
