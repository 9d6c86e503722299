package org.badgebridge.course;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of each course's last sync ({@code course_sync}): when it started and finished, its outcome and
 * error for the teacher, how many calls it made and results it changed, and the time of the last change
 * (which keeps a course "active", polled often). One row per course, written by whichever run finished last.
 */
@Component
class SyncRecords {

	private final JdbcClient jdbc;

	private final Courses courses;

	private final Clock clock;

	private final io.micrometer.core.instrument.MeterRegistry metrics;

	SyncRecords(JdbcClient jdbc, Courses courses, Clock clock, io.micrometer.core.instrument.MeterRegistry metrics) {
		this.jdbc = jdbc;
		this.courses = courses;
		this.clock = clock;
		this.metrics = metrics;
	}

	Optional<SyncStatus> status(long contextId) {
		return jdbc.sql("select * from course_sync where context_id=?").param(contextId)
				.query((rs, i) -> new SyncStatus(contextId, instant(rs.getObject("last_started_at")),
						instant(rs.getObject("last_finished_at")), (Long) rs.getObject("duration_ms", Long.class),
						rs.getString("outcome"), rs.getString("error"), (Integer) rs.getObject("requests", Integer.class),
						(Integer) rs.getObject("changed_results", Integer.class)))
				.optional();
	}

	/** Records a sync that started at {@code start} and ends now; the error is cut to 2000 characters. */
	SyncStatus record(long contextId, long start, String outcome, String error, int calls, int changed) {
		long end = clock.millis();
		// badgebridge.sync: every sync's duration by outcome (SUCCESS, FAILED, SKIPPED); the FAILED count is the errors
		io.micrometer.core.instrument.Timer.builder("badgebridge.sync").description("Course syncs with the LMS by outcome")
				.tag("outcome", outcome).register(metrics).record(java.time.Duration.ofMillis(Math.max(0, end - start)));
		String message = StoredText.cut(error, 2000);
		int updated = jdbc.sql("update course_sync set last_started_at=?, last_finished_at=?, duration_ms=?, outcome=?, error=?, requests=?, changed_results=?, last_activity_at=case when ? > 0 then ? else last_activity_at end where context_id=?")
				.params(start, end, end - start, outcome, message, calls, changed, changed, end, contextId).update();
		if (updated == 0 && courses.context(contextId).isPresent()) {
			try {
				jdbc.sql("insert into course_sync (context_id, last_started_at, last_finished_at, duration_ms, outcome, error, requests, changed_results, last_activity_at) values (?,?,?,?,?,?,?,?,?)")
						.params(contextId, start, end, end - start, outcome, message, calls, changed, changed > 0 ? end : null).update();
			}
			catch (DuplicateKeyException ex) {
				// a second run of this course's sync (a node Quartz believed dead was recovered) recorded first: ours is newer
				jdbc.sql("update course_sync set last_started_at=?, last_finished_at=?, duration_ms=?, outcome=?, error=?, requests=?, changed_results=? where context_id=?")
						.params(start, end, end - start, outcome, message, calls, changed, contextId).update();
			}
		}
		return new SyncStatus(contextId, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), end - start, outcome, message,
				calls, changed);
	}

	/** The time of the course's last changed result, if any sync changed one. */
	Optional<Long> lastActivity(long contextId) {
		return jdbc.sql("select last_activity_at from course_sync where context_id=?").param(contextId).query(Long.class)
				.optional();
	}

	private static Instant instant(Object millis) {
		return millis instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null;
	}
}
