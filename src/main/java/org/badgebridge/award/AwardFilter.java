package org.badgebridge.award;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Which awards an admin list or count takes: a state, a badge, a course, a person (name, address or LMS id contains),
 * and a time range ({@code from} inclusive, {@code until} exclusive) of when they were awarded, or claimed when
 * {@code claimed}; null or blank for any.
 */
public record AwardFilter(AwardState state, String badgeId, Long contextId, String person, Instant from, Instant until,
		boolean claimed) {

	public static final AwardFilter NONE = new AwardFilter(null, null, null, null, null, null, false);

	/** The same filter for any state (the totals per state). */
	public AwardFilter anyState() {
		return new AwardFilter(null, badgeId, contextId, person, from, until, claimed);
	}

	/** The SQL condition, its values added to {@code params}. */
	String where(List<Object> params) {
		StringBuilder sql = new StringBuilder(" where 1 = 1");
		if (state != null) {
			sql.append(" and ").append(AwardState.SQL).append(" = ?");
			params.add(state.name());
		}
		if (badgeId != null && !badgeId.isBlank()) {
			sql.append(" and badge_id = ?");
			params.add(badgeId.trim());
		}
		if (contextId != null) {
			sql.append(" and context_id = ?");
			params.add(contextId);
		}
		if (person != null && !person.isBlank()) {
			String like = "%" + person.trim().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
			sql.append(" and (lower(coalesce(recipient_name, '')) like ? escape '!' or lower(coalesce(recipient_email, '')) like ? escape '!'"
					+ " or lower(user_sub) like ? escape '!')");
			params.addAll(List.of(like, like, like));
		}
		String time = claimed ? "claimed_at" : "awarded_at";
		if (from != null) {
			sql.append(" and ").append(time).append(" >= ?");
			params.add(from.toEpochMilli());
		}
		if (until != null) {
			sql.append(" and ").append(time).append(" < ?");
			params.add(until.toEpochMilli());
		}
		return sql.toString();
	}
}
