package org.badgebridge.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The only SQL on {@code audit_event}: append a row, read rows (filtered, sorted and paged in the database, with the
 * total), and the retention purge. There is no update, and no other delete (checked by {@code AuditAppendOnlyTests}).
 */
@Component
class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(AuditEntry e) {
		jdbc.sql("""
				insert into audit_event (occurred_at, actor_kind, actor_name, action, registration_id, context_id, course_title,
				  badge_id, badge_name, person, award_id, detail, correlation_id) values (?,?,?,?,?,?,?,?,?,?,?,?,?)""")
				.params(e.occurredAt().toEpochMilli(), e.actorKind().name(), cut(e.actorName(), 255), e.action().name(),
						e.registrationId(), e.contextId(), cut(e.courseTitle(), 255), e.badgeId(), cut(e.badgeName(), 255),
						cut(e.person(), 255), e.awardId(), cut(e.detail(), 500), cut(e.correlationId(), 64))
				.update();
	}

	/** One page (1-based) of the rows the query selects, in its order, and the number of all of them. */
	AuditPage page(AuditQuery query, int page, int size) {
		List<Object> args = new ArrayList<>();
		String where = query.where(args);
		long total = jdbc.sql("select count(*) from audit_event" + where).params(args).query(Long.class).single();
		int last = (int) Math.max(1, (total + size - 1) / size);
		int p = Math.min(Math.max(1, page), last);
		List<Object> paged = new ArrayList<>(args);
		paged.add(size);
		paged.add((long) (p - 1) * size);
		List<AuditEntry> rows = jdbc.sql("select * from audit_event" + where + query.orderBy() + " limit ? offset ?").params(paged)
				.query(AuditLog::row).list();
		return new AuditPage(rows, total, p, size);
	}

	/** Every row the query selects, in its order, one at a time (the CSV export). */
	void each(AuditQuery query, Consumer<AuditEntry> sink) {
		List<Object> args = new ArrayList<>();
		String where = query.where(args);
		jdbc.sql("select * from audit_event" + where + query.orderBy()).params(args)
				.query(rs -> {
					sink.accept(row(rs, 0));
				});
	}

	/** The retention purge: removes the rows older than {@code before}; the only delete of this table. */
	int purgeBefore(Instant before) {
		return jdbc.sql("delete from audit_event where occurred_at < ?").param(before.toEpochMilli()).update();
	}

	private static AuditEntry row(ResultSet rs, int i) throws SQLException {
		return new AuditEntry(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("occurred_at")),
				AuditEntry.ActorKind.valueOf(rs.getString("actor_kind")), rs.getString("actor_name"),
				AuditAction.valueOf(rs.getString("action")), number(rs, "registration_id"), number(rs, "context_id"),
				rs.getString("course_title"), rs.getString("badge_id"), rs.getString("badge_name"), rs.getString("person"),
				rs.getString("award_id"), rs.getString("detail"), rs.getString("correlation_id"));
	}

	private static Long number(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
