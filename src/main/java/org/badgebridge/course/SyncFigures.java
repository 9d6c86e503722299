package org.badgebridge.course;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The courses' syncs as the admin sees them, counted and listed in the database: per platform (courses by sync state,
 * last launch, last sync), and each course's last sync, filtered, sorted and paged.
 */
@Service
public class SyncFigures {

	/** One platform's courses: how many, by state of their sync, and when one was last launched and last synced. */
	public record PlatformSyncs(long registrationId, long courses, long ok, long failing, long skipped, long never,
			Instant lastLaunch, Instant lastSync) {
	}

	/** One course's last sync ({@code outcome}, {@code error} and {@code lastSync} null when it never ran). */
	public record CourseSync(long contextId, long registrationId, String title, SyncState state, Instant lastSync,
			Long durationMillis, String error) {
	}

	/** The orders of the list: column name to SQL. */
	public static final Map<String, String> ORDERS = Map.of("synced", "s.last_finished_at", "title", SyncFilter.TITLE,
			"state", SyncState.SQL, "platform", "c.registration_id");

	private static final String FROM = " from course_context c left join course_sync s on s.context_id = c.id";

	private final JdbcClient jdbc;

	SyncFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every platform that has courses, by its registration's id (ascending). */
	public List<PlatformSyncs> perPlatform() {
		return jdbc.sql("select c.registration_id, count(*), " + sum("OK") + ", " + sum("FAILING") + ", " + sum("SKIPPED") + ", "
				+ sum("NEVER") + ", max(c.last_launch_at), max(s.last_finished_at)" + FROM
				+ " group by c.registration_id order by c.registration_id")
				.query((rs, i) -> new PlatformSyncs(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6), instant(rs.getObject(7)), instant(rs.getObject(8))))
				.list();
	}

	/** How many courses {@code filter} takes. */
	public long count(SyncFilter filter) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("select count(*)" + FROM + filter.where(params)).params(params).query(Long.class).single();
	}

	/** A page of the courses {@code filter} takes, in the order of {@code column} (one of {@link #ORDERS}), then by id. */
	public List<CourseSync> list(SyncFilter filter, String column, boolean descending, long offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = filter.where(params);
		String direction = descending ? " desc" : " asc";
		params.add(limit);
		params.add(offset);
		return jdbc.sql("select c.id, c.registration_id, coalesce(c.title, c.label, c.lms_context_id), " + SyncState.SQL
				+ ", s.last_finished_at, s.duration_ms, s.error" + FROM + where + " order by "
				+ ORDERS.getOrDefault(column, "s.last_finished_at") + direction + ", c.id" + direction + " limit ? offset ?")
				.params(params)
				.query((rs, i) -> new CourseSync(rs.getLong(1), rs.getLong(2), rs.getString(3), SyncState.valueOf(rs.getString(4)),
						instant(rs.getObject(5)), (Long) rs.getObject(6, Long.class), rs.getString(7)))
				.list();
	}

	private static String sum(String state) {
		return "sum(case when " + SyncState.SQL + " = '" + state + "' then 1 else 0 end)";
	}

	private static Instant instant(Object millis) {
		return millis instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null;
	}
}
