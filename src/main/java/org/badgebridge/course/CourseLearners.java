package org.badgebridge.course;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The course's active learners as a table for people: one page at a time, searched by name and sorted in the
 * database (a course may have thousands), each with their result in one column ("no grade yet" is a null score,
 * not 0), and the counts a dashboard needs.
 */
@Service
public class CourseLearners {

	/** How the table is sorted. */
	public enum Sort {
		NAME, NAME_DESC, SCORE, SCORE_DESC;

		public static Sort of(String value) {
			for (Sort s : values()) {
				if (s.name().equalsIgnoreCase(value == null ? "" : value.replace('-', '_'))) {
					return s;
				}
			}
			return NAME;
		}

		String orderBy() {
			return switch (this) {
				case NAME -> "lower(coalesce(m.name, m.user_sub)), m.user_sub";
				case NAME_DESC -> "lower(coalesce(m.name, m.user_sub)) desc, m.user_sub desc";
				case SCORE -> "case when r.score is null then 1 else 0 end, r.score / coalesce(nullif(r.maximum, 0), nullif(li.score_maximum, 0), 1), lower(coalesce(m.name, m.user_sub))";
				case SCORE_DESC -> "case when r.score is null then 1 else 0 end, r.score / coalesce(nullif(r.maximum, 0), nullif(li.score_maximum, 0), 1) desc, lower(coalesce(m.name, m.user_sub))";
			};
		}
	}

	/** One learner and their result in the chosen column (score null: no grade yet). */
	public record Row(String userSub, String name, Double score, Double maximum) {

		/** The score as a percentage of the maximum, or null when there is no grade yet. */
		public Double percent() {
			return score == null || maximum == null || maximum <= 0 ? null : score * 100 / maximum;
		}
	}

	/** One page of the table: its rows, how many learners match, which page of how many. */
	public record Page(List<Row> rows, int matching, int page, int pages, int size) {
	}

	private static final String FROM = """
			from course_member m
			left join course_line_item li on li.context_id = m.context_id and li.lineitem_url = ?
			left join course_result r on r.line_item_id = li.id and r.user_sub = m.user_sub
			where m.context_id = ? and m.role = 'LEARNER' and m.status = 'Active' and m.in_roster = true
			  and (? = '' or lower(coalesce(m.name, '')) like ? or lower(m.user_sub) = ?)""";

	private final JdbcClient jdbc;

	CourseLearners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Page {@code page} (from 1) of {@code size} learners matching {@code search}, sorted; results in {@code columnUrl}. */
	public Page page(long contextId, String columnUrl, String search, Sort sort, int page, int size) {
		String q = normalise(search);
		String url = columnUrl == null ? "" : columnUrl;
		int matching = jdbc.sql("select count(*) " + FROM).params(url, contextId, q, "%" + q + "%", q).query(Integer.class)
				.single();
		int pages = Math.max(1, (matching + size - 1) / size);
		int current = Math.min(Math.max(1, page), pages);
		List<Row> rows = jdbc.sql("select m.user_sub, m.name, r.score, coalesce(r.maximum, li.score_maximum) as maximum " + FROM
				+ " order by " + sort.orderBy() + " limit ? offset ?")
				.params(url, contextId, q, "%" + q + "%", q, size, (current - 1) * size).query(this::row).list();
		return new Page(rows, matching, current, pages, size);
	}

	/** Every matching learner in order, one at a time (for an export; nothing is held in memory). */
	public void each(long contextId, String columnUrl, Sort sort, Consumer<Row> consumer) {
		jdbc.sql("select m.user_sub, m.name, r.score, coalesce(r.maximum, li.score_maximum) as maximum " + FROM
				+ " order by " + sort.orderBy()).params(columnUrl == null ? "" : columnUrl, contextId, "", "%%", "")
				.query(rs -> {
					consumer.accept(row(rs, 0));
				});
	}

	/** Every active learner of the course and whether they have a grade in any of the given columns. */
	public Map<String, Boolean> graded(long contextId, List<String> columnUrls) {
		List<Object> params = new ArrayList<>(columnUrls);
		params.add(contextId);
		String exists = columnUrls.isEmpty() ? "false" : """
				exists (select 1 from course_result r join course_line_item li on li.id = r.line_item_id
				  where r.user_sub = m.user_sub and li.context_id = m.context_id and r.score is not null and li.lineitem_url in ("""
				+ "?,".repeat(columnUrls.size() - 1) + "?))";
		Map<String, Boolean> graded = new HashMap<>();
		jdbc.sql("select m.user_sub, " + (columnUrls.isEmpty() ? "false" : "case when " + exists + " then true else false end")
				+ " from course_member m where m.context_id = ? and m.role = 'LEARNER' and m.status = 'Active' and m.in_roster = true")
				.params(params).query(rs -> {
					graded.put(rs.getString(1), rs.getBoolean(2));
				});
		return graded;
	}

	private Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Row(rs.getString(1), rs.getString(2), (Double) rs.getObject(3, Double.class), (Double) rs.getObject(4, Double.class));
	}

	private static String normalise(String search) {
		return search == null ? "" : search.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
	}
}
