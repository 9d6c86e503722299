package org.badgebridge.lms;

import java.time.Instant;

/**
 * One learner's result in a column. {@code score} is null when the platform sent no {@code resultScore}:
 * not graded, or (Moodle) a grade of exactly 0, which Moodle leaves out.
 */
public record Result(String userId, Double score, Double maximum, String comment, Instant timestamp) {

	public boolean hasScore() {
		return score != null;
	}
}
