package org.badgebridge.course;

import java.util.List;

/**
 * A hook the module that evaluates criteria implements: the columns a course's active badges read, so a
 * regular sync reads only their results (the sync after a teacher's action or "sync now" reads every column).
 * Without an implementation every column is read.
 */
public interface ColumnsInUse {

	/** The columns the course's active badges' criteria name. */
	List<Column> columns(long contextId);

	/** A column as criteria name it: its line item URL and, to find it again after a course copy, its resourceId. */
	record Column(String lineItemUrl, String resourceId) {
	}
}
