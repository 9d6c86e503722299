package org.badgebridge.award;

import java.time.Duration;

import org.springframework.stereotype.Service;

import org.badgebridge.course.CourseSyncs;

/**
 * A learner looking at their progress gets fresh numbers: their own results are read from the LMS within a small
 * budget and, when that read is complete, they are evaluated (and awarded at once if they now qualify). Otherwise
 * the last course sync's data stands, "as of" its time.
 */
@Service
public class LearnerProgress {

	/** How long a learner's page waits for their own results. */
	public static final Duration BUDGET = Duration.ofSeconds(2);

	private final CourseSyncs syncs;

	private final Awards awards;

	LearnerProgress(CourseSyncs syncs, Awards awards) {
		this.syncs = syncs;
		this.awards = awards;
	}

	/** True when the learner's results were read fresh (and evaluated). */
	public boolean refresh(long contextId, String userSub, boolean badgeActive) {
		boolean fresh = badgeActive && syncs.syncLearner(contextId, userSub, BUDGET);
		if (fresh) {
			awards.evaluateLearner(contextId, userSub);
		}
		return fresh;
	}
}
