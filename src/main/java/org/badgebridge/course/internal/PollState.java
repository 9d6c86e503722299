package org.badgebridge.course.internal;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each course's polling state ({@code course_poll}): the last teacher's action (activity that keeps the course
 * polled at the active interval), whether the next sync reads every column and the roster (the first sync, one
 * after a teacher's action or "sync now"), and when the roster was last read with how many results then belonged
 * to users outside it.
 */
@Component
public class PollState {

	public record Plan(boolean readAll, Instant rosterReadAt, int outsideAfterRoster, Instant teacherAt) {
	}

	private final JdbcClient jdbc;

	PollState(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Plan plan(long contextId) {
		return jdbc.sql("select read_all, roster_read_at, outside_after_roster, teacher_at from course_poll where context_id=?")
				.param(contextId)
				.query((rs, i) -> new Plan(rs.getBoolean(1), instant(rs.getObject(2, Long.class)), rs.getInt(3),
						instant(rs.getObject(4, Long.class))))
				.optional().orElse(new Plan(true, null, 0, null));
	}

	/** A teacher acted in the course: activity, and the next sync reads everything. */
	public void teacherActed(long contextId, long now) {
		upsert(contextId, "update course_poll set teacher_at=?, read_all=true where context_id=?", new Object[] { now, contextId },
				"insert into course_poll (context_id, teacher_at, read_all) values (?,?,true)", new Object[] { contextId, now });
	}

	/** The sync read what its plan said; {@code rosterReadAt} null when it did not read the roster. */
	public void synced(long contextId, Long rosterReadAt, int outside) {
		if (rosterReadAt == null) {
			upsert(contextId, "update course_poll set read_all=false where context_id=?", new Object[] { contextId },
					"insert into course_poll (context_id, read_all) values (?,false)", new Object[] { contextId });
			return;
		}
		upsert(contextId, "update course_poll set read_all=false, roster_read_at=?, outside_after_roster=? where context_id=?",
				new Object[] { rosterReadAt, outside, contextId },
				"insert into course_poll (context_id, read_all, roster_read_at, outside_after_roster) values (?,false,?,?)",
				new Object[] { contextId, rosterReadAt, outside });
	}

	private void upsert(long contextId, String update, Object[] updateParams, String insert, Object[] insertParams) {
		if (jdbc.sql(update).params(updateParams).update() > 0) {
			return;
		}
		try {
			jdbc.sql(insert).params(insertParams).update();
		}
		catch (DuplicateKeyException ex) {
			jdbc.sql(update).params(updateParams).update(); // inserted a moment ago by another node
		}
	}

	private static Instant instant(Long millis) {
		return millis == null ? null : Instant.ofEpochMilli(millis);
	}
}
