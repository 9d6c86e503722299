package org.badgebridge.course;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.badgebridge.lms.Member;

/**
 * The roster part of a course sync: stores the members NRPS lists (name, email, roles, the course role they
 * map to, status), writing only the rows that changed, and marks members no longer listed as out of the
 * roster (kept, since their awards and results remain). It also counts the results of users outside the
 * roster, whom nobody awards.
 */
@Component
class SyncedRoster {

	private final JdbcClient jdbc;

	SyncedRoster(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void store(long contextId, List<Member> members) {
		// what is stored now, to write only what changed (an unchanged roster of thousands costs one query)
		Map<String, List<Object>> stored = new HashMap<>();
		jdbc.sql("select user_sub, name, email, roles, role, status, in_roster from course_member where context_id=?").param(contextId)
				.query(rs -> {
					stored.put(rs.getString(1), Arrays.asList(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
							rs.getString(6), rs.getBoolean(7)));
				});
		Set<String> present = new HashSet<>();
		for (Member m : members) {
			present.add(m.userId());
			CourseRole role = CourseRole.of(m.roles());
			String roles = StoredText.cut(String.join(" ", m.roles()), 2048);
			List<Object> old = stored.get(m.userId());
			if (old != null) {
				List<Object> now = Arrays.asList(m.name() == null ? old.get(0) : StoredText.cut(m.name()),
						m.email() == null ? old.get(1) : m.email(), roles, role.name(), m.status().name(), true);
				if (!now.equals(old)) {
					jdbc.sql("update course_member set name=?, email=?, roles=?, role=?, status=?, in_roster=true where context_id=? and user_sub=?")
							.params(now.get(0), now.get(1), roles, role.name(), m.status().name(), contextId, m.userId()).update();
				}
				continue;
			}
			try {
				jdbc.sql("insert into course_member (context_id, user_sub, name, email, roles, role, status, in_roster) values (?,?,?,?,?,?,?,true)")
						.params(contextId, m.userId(), StoredText.cut(m.name()), m.email(), roles, role.name(), m.status().name())
						.update();
			}
			catch (DuplicateKeyException ex) {
				// inserted a moment ago by a concurrent sync: it holds the same data
			}
		}
		stored.forEach((sub, old) -> {
			if (!present.contains(sub) && Boolean.TRUE.equals(old.get(5))) {
				jdbc.sql("update course_member set in_roster=false where context_id=? and user_sub=?").params(contextId, sub).update();
			}
		});
	}

	/** How many of the course's results belong to users who are not in its roster. */
	int resultsOutsideRoster(long contextId) {
		return jdbc.sql("""
				select count(*) from course_result r join course_line_item li on li.id = r.line_item_id
				where li.context_id = ? and not exists (select 1 from course_member m where m.context_id = li.context_id
				  and m.user_sub = r.user_sub and m.in_roster = true)""").param(contextId).query(Integer.class).single();
	}
}
