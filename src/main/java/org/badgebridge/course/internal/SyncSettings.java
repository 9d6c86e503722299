package org.badgebridge.course.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.badgebridge.platform.Registration;
import org.badgebridge.platform.Registrations;

/**
 * The sync settings in force: the configured defaults ({@code badgebridge.sync.*}), an admin's values per platform
 * registration (intervals and request budget, {@code course_sync_setting}) and per course ({@code course_sync_override}).
 * A course's own value wins over its platform's, which wins over the default.
 */
@Component
public class SyncSettings {

	public record Defaults(Duration active, Duration idle, Duration hold, Duration roster, int requestsPerMinute) {
	}

	/** A platform's row; null values follow the default. */
	public record PlatformRow(long registrationId, String name, Duration active, Duration idle, Integer requestsPerMinute) {
	}

	/** A course's override; null values follow the platform's. */
	public record CourseRow(long contextId, String title, String platform, Duration active, Duration idle) {
	}

	public record CoursePage(List<CourseRow> rows, int page, int pages, long total) {
	}

	static final int PAGE_SIZE = 25;

	private final JdbcClient jdbc;

	private final Registrations registrations;

	private final Clock clock;

	private final Defaults defaults;

	SyncSettings(JdbcClient jdbc, Registrations registrations, Clock clock,
			@Value("${badgebridge.sync.active-interval:50s}") Duration active,
			@Value("${badgebridge.sync.idle-interval:1h}") Duration idle,
			@Value("${badgebridge.sync.active-hold:2h}") Duration hold,
			@Value("${badgebridge.sync.roster-interval:30m}") Duration roster,
			@Value("${badgebridge.sync.requests-per-minute:4000}") int requestsPerMinute) {
		this.jdbc = jdbc;
		this.registrations = registrations;
		this.clock = clock;
		this.defaults = new Defaults(active, idle.compareTo(active) < 0 ? active : idle, hold, roster, requestsPerMinute);
	}

	public Defaults defaults() {
		return defaults;
	}

	/** The polling rule of a course: its own intervals, else its platform's, else the defaults. */
	public PollingRule rule(long contextId) {
		Long[] values = jdbc.sql("""
				select o.active_ms, o.idle_ms, s.active_ms, s.idle_ms from course_context c
				left join course_sync_override o on o.context_id = c.id
				left join course_sync_setting s on s.registration_id = c.registration_id where c.id = ?""").param(contextId)
				.query((rs, i) -> new Long[] { rs.getObject(1, Long.class), rs.getObject(2, Long.class), rs.getObject(3, Long.class),
						rs.getObject(4, Long.class) })
				.optional().orElse(new Long[4]);
		Duration active = first(values[0], values[2], defaults.active());
		Duration idle = first(values[1], values[3], defaults.idle());
		return new PollingRule(active, idle.compareTo(active) < 0 ? active : idle, defaults.hold(), true);
	}

	public RosterRule rosterRule() {
		return new RosterRule(defaults.roster());
	}

	/** The requests a minute the syncs of a platform may make together, on all nodes. */
	public int requestsPerMinute(long registrationId) {
		return jdbc.sql("select requests_per_minute from course_sync_setting where registration_id=?").param(registrationId)
				.query(Integer.class).optional().orElse(defaults.requestsPerMinute());
	}

	public List<PlatformRow> platforms() {
		return registrations.all().stream().map(this::row).toList();
	}

	private PlatformRow row(Registration r) {
		return jdbc.sql("select active_ms, idle_ms, requests_per_minute from course_sync_setting where registration_id=?")
				.param(r.id())
				.query((rs, i) -> new PlatformRow(r.id(), r.name(), duration(rs.getObject(1, Long.class)),
						duration(rs.getObject(2, Long.class)), rs.getObject(3, Integer.class)))
				.optional().orElse(new PlatformRow(r.id(), r.name(), null, null, null));
	}

	/** The courses with their own intervals, newest change first, a page at a time (paged in the database). */
	public CoursePage courses(int page) {
		long total = jdbc.sql("select count(*) from course_sync_override").query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.min(Math.max(1, page), pages);
		List<CourseRow> rows = jdbc.sql("""
				select o.context_id, c.title, c.label, c.registration_id, o.active_ms, o.idle_ms from course_sync_override o
				join course_context c on c.id = o.context_id order by o.updated_at desc, o.context_id limit ? offset ?""")
				.params(PAGE_SIZE, (p - 1) * PAGE_SIZE)
				.query((rs, i) -> new CourseRow(rs.getLong(1), rs.getString(2) != null ? rs.getString(2) : rs.getString(3),
						registrations.find(rs.getLong(4)).map(Registration::name).orElse(""), duration(rs.getObject(5, Long.class)),
						duration(rs.getObject(6, Long.class))))
				.list();
		return new CoursePage(rows, p, pages, total);
	}

	public void savePlatform(long registrationId, String active, String idle, String requestsPerMinute) {
		if (registrations.find(registrationId).isEmpty()) {
			throw new SyncSettingRefused("platform", "There is no such platform.", "admin.syncSettings.error.platform");
		}
		SyncIntervals s = SyncIntervals.of(active, idle, requestsPerMinute, defaults.active(), defaults.idle());
		long now = clock.millis();
		if (jdbc.sql("update course_sync_setting set active_ms=?, idle_ms=?, requests_per_minute=?, updated_at=? where registration_id=?")
				.params(millis(s.active()), millis(s.idle()), s.requestsPerMinute(), now, registrationId).update() == 0) {
			jdbc.sql("insert into course_sync_setting (registration_id, active_ms, idle_ms, requests_per_minute, updated_at) values (?,?,?,?,?)")
					.params(registrationId, millis(s.active()), millis(s.idle()), s.requestsPerMinute(), now).update();
		}
	}

	/** A course's own intervals (the course by its id in the tool); both blank removes them. */
	public void saveCourse(String course, String active, String idle) {
		long contextId = courseId(course);
		SyncIntervals s = SyncIntervals.of(active, idle, null, defaults.active(), defaults.idle());
		if (s.active() == null && s.idle() == null) {
			removeCourse(contextId);
			return;
		}
		long now = clock.millis();
		if (jdbc.sql("update course_sync_override set active_ms=?, idle_ms=?, updated_at=? where context_id=?")
				.params(millis(s.active()), millis(s.idle()), now, contextId).update() == 0) {
			jdbc.sql("insert into course_sync_override (context_id, active_ms, idle_ms, updated_at) values (?,?,?,?)")
					.params(contextId, millis(s.active()), millis(s.idle()), now).update();
		}
	}

	public void removeCourse(long contextId) {
		jdbc.sql("delete from course_sync_override where context_id=?").param(contextId).update();
	}

	private long courseId(String course) {
		try {
			long id = Long.parseLong(course == null ? "" : course.trim());
			if (jdbc.sql("select count(*) from course_context where id=?").param(id).query(Integer.class).single() == 1) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// explained below
		}
		throw new SyncSettingRefused("course", "There is no course with that number.", "admin.syncSettings.error.course");
	}

	private static Duration first(Long a, Long b, Duration fallback) {
		return a != null ? Duration.ofMillis(a) : b != null ? Duration.ofMillis(b) : fallback;
	}

	private static Duration duration(Long millis) {
		return millis == null ? null : Duration.ofMillis(millis);
	}

	private static Long millis(Duration d) {
		return d == null ? null : d.toMillis();
	}
}
