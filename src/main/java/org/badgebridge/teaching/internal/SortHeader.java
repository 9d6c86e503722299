package org.badgebridge.teaching.internal;

import java.util.Map;

import org.badgebridge.course.CourseLearners.Sort;

/**
 * A sortable column header of the learners' table: how the table is sorted by that column now ({@code aria-sort}
 * "ascending" or "descending", null when it is not) and the sort its link asks for (the other way round when it is
 * sorted by it, else the column's usual way: names and states from the top, scores highest first).
 */
record SortHeader(String ariaSort, String next) {

	/** The headers of the columns name, state and score for a table sorted by {@code current}. */
	static Map<String, SortHeader> of(Sort current) {
		return Map.of("name", of(current, Sort.NAME, Sort.NAME_DESC, Sort.NAME), "state", of(current, Sort.STATE, Sort.STATE_DESC, Sort.STATE),
				"score", of(current, Sort.SCORE, Sort.SCORE_DESC, Sort.SCORE_DESC));
	}

	private static SortHeader of(Sort current, Sort ascending, Sort descending, Sort usual) {
		if (current == ascending) {
			return new SortHeader("ascending", descending.param());
		}
		if (current == descending) {
			return new SortHeader("descending", ascending.param());
		}
		return new SortHeader(null, usual.param());
	}
}
