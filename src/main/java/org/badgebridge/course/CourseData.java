package org.badgebridge.course;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the tool knows of a course from its syncs: columns, results and roster. */
@Service
public class CourseData {

	public record Column(long id, String url, String label, double scoreMaximum, String resourceId, String tag,
			String lmsLinkId) {
	}

	public record ColumnResult(Double score, Double maximum, Instant resultAt) {
	}

	public record Member(long id, String userSub, String name, String email, CourseRole role, String locale, String status,
			boolean inRoster) {

		public boolean activeLearner() {
			return role == CourseRole.LEARNER && "Active".equals(status) && inRoster;
		}
	}

	private final JdbcClient jdbc;

	public CourseData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many results each column has (a mirror column's formula works once results arrive). */
	public Map<String, Integer> resultCounts(long contextId) {
		Map<String, Integer> counts = new HashMap<>();
		jdbc.sql("select li.lineitem_url, count(r.user_sub) from course_line_item li left join course_result r on r.line_item_id = li.id where li.context_id=? group by li.lineitem_url")
				.param(contextId).query(rs -> {
					counts.put(rs.getString(1), rs.getInt(2));
				});
		return counts;
	}

	public List<Column> columns(long contextId) {
		return jdbc.sql("select * from course_line_item where context_id=? order by id").param(contextId)
				.query((rs, i) -> new Column(rs.getLong("id"), rs.getString("lineitem_url"), rs.getString("label"),
						rs.getDouble("score_maximum"), rs.getString("resource_id"), rs.getString("tag"), rs.getString("lms_link_id")))
				.list();
	}

	/** Every learner's results by column URL. */
	public Map<String, Map<String, ColumnResult>> results(long contextId) {
		return results(contextId, null);
	}

	/** Results by learner and column URL; one learner's only when {@code userSub} is given. */
	public Map<String, Map<String, ColumnResult>> results(long contextId, String userSub) {
		Map<String, Map<String, ColumnResult>> byUser = new HashMap<>();
		jdbc.sql("""
				select li.lineitem_url, r.user_sub, r.score, r.maximum, r.result_at from course_result r
				join course_line_item li on li.id = r.line_item_id where li.context_id = ? and (? is null or r.user_sub = ?)""")
				.params(contextId, userSub, userSub)
				.query(rs -> {
					byUser.computeIfAbsent(rs.getString(2), u -> new HashMap<>()).put(rs.getString(1), new ColumnResult(
							(Double) rs.getObject(3, Double.class), (Double) rs.getObject(4, Double.class),
							rs.getObject(5) == null ? null : Instant.ofEpochMilli(rs.getLong(5))));
				});
		return byUser;
	}

	public List<Member> members(long contextId) {
		return jdbc.sql("select * from course_member where context_id=? order by name, user_sub").param(contextId)
				.query(this::member).list();
	}

	public Optional<Member> member(long contextId, String userSub) {
		return jdbc.sql("select * from course_member where context_id=? and user_sub=?").params(contextId, userSub)
				.query(this::member).optional();
	}

	private Member member(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Member(rs.getLong("id"), rs.getString("user_sub"), rs.getString("name"), rs.getString("email"),
				CourseRole.valueOf(rs.getString("role")), rs.getString("locale"), rs.getString("status"), rs.getBoolean("in_roster"));
	}

	/** The line item of a badge's own LMS link (Deep Linking's column), as the last launch of that link reported it. */
	public Optional<String> badgeLinkLineItem(long contextId, String badgeId) {
		Optional<String> fromLaunch = jdbc.sql("select lineitem_url from course_resource_link where context_id=? and badge_id=? and lineitem_url is not null order by last_launch_at desc")
				.params(contextId, badgeId).query(String.class).list().stream().findFirst();
		if (fromLaunch.isPresent()) {
			return fromLaunch;
		}
		return jdbc.sql("select lineitem_url from course_line_item where context_id=? and resource_id=?")
				.params(contextId, "badgebridge:" + badgeId).query(String.class).list().stream().findFirst();
	}

}
