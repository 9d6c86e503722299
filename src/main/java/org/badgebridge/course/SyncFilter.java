package org.badgebridge.course;

import java.util.List;
import java.util.Locale;

/** Which courses a sync list or count takes: of one platform, in one state, whose title contains a text; null for any. */
public record SyncFilter(Long platform, SyncState state, String title) {

	public static final SyncFilter NONE = new SyncFilter(null, null, null);

	/** The title a course shows: its title, else its label, else the LMS's id of it. */
	static final String TITLE = "lower(coalesce(c.title, c.label, c.lms_context_id))";

	/** The SQL condition on {@code c} and {@code s}, its values added to {@code params}. */
	String where(List<Object> params) {
		StringBuilder sql = new StringBuilder(" where 1 = 1");
		if (platform != null) {
			sql.append(" and c.registration_id = ?");
			params.add(platform);
		}
		if (state != null) {
			sql.append(" and ").append(SyncState.SQL).append(" = ?");
			params.add(state.name());
		}
		if (title != null && !title.isBlank()) {
			sql.append(" and ").append(TITLE).append(" like ? escape '!'");
			params.add("%" + title.trim().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
		}
		return sql.toString();
	}
}
