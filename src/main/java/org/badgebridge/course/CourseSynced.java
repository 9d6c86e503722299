package org.badgebridge.course;

/**
 * A course's sync finished and read everything (line items, results, roster): its data is complete as of
 * now. A failed or partial sync publishes nothing, so nobody awards from incomplete data.
 */
public record CourseSynced(long contextId, int changedResults, String correlationId) {
}
