package org.badgebridge.course;

import java.util.Locale;

/**
 * Where a course's sync stands, from its last run: it read everything (OK), it failed (FAILING), it was skipped because
 * the platform's registration is not active (SKIPPED), or it never ran (NEVER).
 */
public enum SyncState {
	OK, FAILING, SKIPPED, NEVER;

	/** The state of a course {@code c} left-joined to its {@code course_sync} row {@code s}, in SQL. */
	static final String SQL = "case when s.context_id is null then 'NEVER' when s.outcome = 'FAILED' then 'FAILING' "
			+ "when s.outcome = 'SKIPPED' then 'SKIPPED' else 'OK' end";

	/** The suffix of its message keys. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
