package org.badgebridge.course;

/**
 * A course's sync finished and read everything (line items, results, roster): its data is complete as of
 * now. A failed or partial sync publishes nothing, so nobody awards from incomplete data.
 */
public record CourseSynced(long contextId, int changedResults, String correlationId) {

	/** Carries the correlation id in force ({@link org.badgebridge.infrastructure.Correlation}). */
	public CourseSynced(long contextId, int changedResults) {
		this(contextId, changedResults, org.badgebridge.infrastructure.Correlation.current());
	}
}
