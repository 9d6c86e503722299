package org.badgebridge.course;

import java.util.ArrayList;
import java.util.Collection;
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

	/** How the table is sorted; ties go by name, then by user id, so a page never shifts between requests. */
	public enum Sort {
		NAME, NAME_DESC, SCORE, SCORE_DESC, STATE, STATE_DESC;

		private static final String BY_NAME = "lower(coalesce(m.name, m.user_sub)), m.user_sub";

		/** The sort a request names ({@code name}, {@code score-desc}, ...); anything else is by name. */
		public static Sort of(String value) {
			for (Sort s : values()) {
				if (s.name().equalsIgnoreCase(value == null ? "" : value.replace('-', '_'))) {
					return s;
				}
			}
			return NAME;
		}

		/** As a request names it: {@code name}, {@code name-desc}, {@code state}, ... */
		public String param() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		public boolean descending() {
			return name().endsWith("_DESC");
		}

		String orderBy(String rank) {
			String percent = "r.score / coalesce(nullif(r.maximum, 0), nullif(li.score_maximum, 0), 1)";
			return switch (this) {
				case NAME -> BY_NAME;
				case NAME_DESC -> "lower(coalesce(m.name, m.user_sub)) desc, m.user_sub desc";
				case SCORE -> "case when r.score is null then 1 else 0 end, " + percent + ", " + BY_NAME;
				case SCORE_DESC -> "case when r.score is null then 1 else 0 end, " + percent + " desc, " + BY_NAME;
				case STATE -> rank + ", " + BY_NAME;
				case STATE_DESC -> rank + " desc, " + BY_NAME;
			};
		}
	}

	/**
	 * The order of the learners' states for {@link Sort#STATE}, where the course knows only part of a state: groups of
	 * learners (by user id) ranked before those with a grade in the column ({@code before}, rank 0, 1, ...), then those
	 * with a grade, then those without, then the groups {@code after}. A badge's dashboard puts its award holders here.
	 */
	public record Ranking(List<? extends Collection<String>> before, List<? extends Collection<String>> after) {

		public static final Ranking NONE = new Ranking(List.of(), List.of());

		/** The rank as an SQL expression over {@code m} and {@code r}, with its parameters added to {@code params}. */
		String expression(List<Object> params) {
			StringBuilder sql = new StringBuilder("case");
			int rank = 0;
			for (Collection<String> group : before) {
				rank = when(sql, params, group, rank);
			}
			sql.append(" when r.score is null then ").append(rank + 1);
			int graded = rank;
			rank += 2;
			for (Collection<String> group : after) {
				rank = when(sql, params, group, rank);
			}
			return sql.append(" else ").append(graded).append(" end").toString();
		}

		private static int when(StringBuilder sql, List<Object> params, Collection<String> group, int rank) {
			if (!group.isEmpty()) {
				sql.append(" when m.user_sub in (").append("?,".repeat(group.size() - 1)).append("?) then ").append(rank);
				params.addAll(group);
			}
			return rank + 1;
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

	private static final String SELECT = "select m.user_sub, m.name, r.score, coalesce(r.maximum, li.score_maximum) as maximum ";

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

	/**
	 * Page {@code page} (from 1) of {@code size} learners matching {@code search}, sorted (by state with
	 * {@code ranking}); results in {@code columnUrl}.
	 */
	public Page page(long contextId, String columnUrl, String search, Sort sort, Ranking ranking, int page, int size) {
		String q = normalise(search);
		String url = columnUrl == null ? "" : columnUrl;
		int matching = jdbc.sql("select count(*) " + FROM).params(url, contextId, q, "%" + q + "%", q).query(Integer.class)
				.single();
		int pages = Math.max(1, (matching + size - 1) / size);
		int current = Math.min(Math.max(1, page), pages);
		List<Object> params = new ArrayList<>(List.of(url, contextId, q, "%" + q + "%", q));
		String order = sort.orderBy(sort == Sort.STATE || sort == Sort.STATE_DESC ? ranking.expression(params) : null);
		params.add(size);
		params.add((current - 1) * size);
		List<Row> rows = jdbc.sql(SELECT + FROM + " order by " + order + " limit ? offset ?").params(params).query(this::row).list();
		return new Page(rows, matching, current, pages, size);
	}

	/** Every learner in order, one at a time (for an export; nothing is held in memory); ranking as for a page. */
	public void each(long contextId, String columnUrl, Sort sort, Ranking ranking, Consumer<Row> consumer) {
		List<Object> params = new ArrayList<>(List.of(columnUrl == null ? "" : columnUrl, contextId, "", "%%", ""));
		String order = sort.orderBy(sort == Sort.STATE || sort == Sort.STATE_DESC ? ranking.expression(params) : null);
		jdbc.sql(SELECT + FROM + " order by " + order).params(params).query(rs -> {
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
