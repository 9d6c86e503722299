package org.badgebridge.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A filter and an order of the audit trail: course (title contains, or the exact context id), badge (name contains, or
 * the exact id), person (exact LMS subject or account reference), action, and a time range [from, to).
 */
record AuditQuery(String course, String badge, String person, AuditAction action, Instant from, Instant to, Sort sort,
		boolean descending) {

	/** The orders the page offers; each breaks ties by time and then by id, so a page never shifts. */
	enum Sort {
		TIME("occurred_at"), ACTION("action"), COURSE("coalesce(course_title, '')");

		private final String column;

		Sort(String column) {
			this.column = column;
		}

		static Sort of(String value) {
			for (Sort s : values()) {
				if (s.name().equalsIgnoreCase(value)) {
					return s;
				}
			}
			return TIME;
		}
	}

	/** The SQL {@code where} clause (from "where", or empty) with its arguments appended to {@code args}. */
	String where(List<Object> args) {
		List<String> terms = new ArrayList<>();
		if (present(course)) {
			String like = like(course);
			if (course.trim().matches("\\d{1,18}")) {
				terms.add("(context_id = ? or lower(course_title) like ? escape '!')");
				args.add(Long.parseLong(course.trim()));
			}
			else {
				terms.add("lower(course_title) like ? escape '!'");
			}
			args.add(like);
		}
		if (present(badge)) {
			terms.add("(badge_id = ? or lower(badge_name) like ? escape '!')");
			args.add(badge.trim());
			args.add(like(badge));
		}
		if (present(person)) {
			terms.add("person = ?");
			args.add(person.trim());
		}
		if (action != null) {
			terms.add("action = ?");
			args.add(action.name());
		}
		if (from != null) {
			terms.add("occurred_at >= ?");
			args.add(from.toEpochMilli());
		}
		if (to != null) {
			terms.add("occurred_at < ?");
			args.add(to.toEpochMilli());
		}
		return terms.isEmpty() ? "" : " where " + String.join(" and ", terms);
	}

	/** The SQL {@code order by} clause: the chosen column, then time and id (the same direction for time, else newest first). */
	String orderBy() {
		String dir = descending ? " desc" : " asc";
		return sort == Sort.TIME ? " order by occurred_at" + dir + ", id" + dir
				: " order by " + sort.column + dir + ", occurred_at desc, id desc";
	}

	private static boolean present(String s) {
		return s != null && !s.isBlank();
	}

	private static String like(String s) {
		return "%" + s.trim().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}
}
