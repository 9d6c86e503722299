package org.badgebridge.award;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Awards as the admin sees them, counted and listed in the database: awards made and claimed per ISO week, awards per
 * state, and the awards a filter takes, sorted and paged.
 */
@Service
public class AwardFigures {

	/** A week's awards made and awards claimed. */
	public record WeekFigures(IsoWeek week, long awarded, long claimed) {
	}

	/** One award in an admin list. */
	public record Listed(String id, String badgeId, long contextId, String userSub, String recipientName, String recipientEmail,
			AwardState state, Instant awardedAt, Instant claimedAt) {
	}

	/** The orders of the list: column name to SQL. */
	public static final Map<String, String> ORDERS = Map.of("awarded", "awarded_at", "claimed", "claimed_at", "state",
			AwardState.SQL, "learner", "lower(coalesce(recipient_name, user_sub))");

	private final JdbcClient jdbc;

	AwardFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Awards made and claimed in each of these weeks (in {@code zone}), in their order. */
	public List<WeekFigures> perWeek(List<IsoWeek> weeks, ZoneId zone) {
		Map<Integer, Long> awarded = countPerWeek("awarded_at", weeks, zone);
		Map<Integer, Long> claimed = countPerWeek("claimed_at", weeks, zone);
		List<WeekFigures> figures = new ArrayList<>();
		for (int i = 0; i < weeks.size(); i++) {
			figures.add(new WeekFigures(weeks.get(i), awarded.getOrDefault(i, 0L), claimed.getOrDefault(i, 0L)));
		}
		return figures;
	}

	/** Every award per state, each state present. */
	public Map<AwardState, Long> byState() {
		return byState(AwardFilter.NONE);
	}

	/** The awards {@code filter} takes, per state (its own state ignored), each state present. */
	public Map<AwardState, Long> byState(AwardFilter filter) {
		Map<AwardState, Long> counts = new EnumMap<>(AwardState.class);
		for (AwardState s : AwardState.values()) {
			counts.put(s, 0L);
		}
		List<Object> params = new ArrayList<>();
		String where = filter.anyState().where(params);
		jdbc.sql("select t.state, count(*) from (select " + AwardState.SQL + " as state from award" + where + ") t group by t.state")
				.params(params).query(rs -> {
					counts.put(AwardState.valueOf(rs.getString(1)), rs.getLong(2));
				});
		return counts;
	}

	/** How many awards {@code filter} takes. */
	public long count(AwardFilter filter) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("select count(*) from award" + filter.where(params)).params(params).query(Long.class).single();
	}

	/** A page of the awards {@code filter} takes, in the order of {@code column} (one of {@link #ORDERS}), then by id. */
	public List<Listed> list(AwardFilter filter, String column, boolean descending, long offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = filter.where(params);
		String direction = descending ? " desc" : " asc";
		params.add(limit);
		params.add(offset);
		return jdbc.sql("select id, badge_id, context_id, user_sub, recipient_name, recipient_email, " + AwardState.SQL
				+ ", awarded_at, claimed_at from award" + where + " order by " + ORDERS.getOrDefault(column, "awarded_at") + direction
				+ ", id" + direction + " limit ? offset ?").params(params)
				.query((rs, i) -> new Listed(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
						rs.getString(6), AwardState.valueOf(rs.getString(7)), Instant.ofEpochMilli(rs.getLong(8)),
						rs.getObject(9) == null ? null : Instant.ofEpochMilli(rs.getLong(9))))
				.list();
	}

	/** The badges and the courses that have awards, with how many each (for the list's filters). */
	public Map<String, Long> badges() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("select badge_id, count(*) from award group by badge_id").query(rs -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	public Map<Long, Long> courses() {
		Map<Long, Long> counts = new HashMap<>();
		jdbc.sql("select context_id, count(*) from award group by context_id").query(rs -> {
			counts.put(rs.getLong(1), rs.getLong(2));
		});
		return counts;
	}

	/** How many rows of {@code column} fall in each week, by the week's index; one query, grouped in the database. */
	private Map<Integer, Long> countPerWeek(String column, List<IsoWeek> weeks, ZoneId zone) {
		Map<Integer, Long> counts = new HashMap<>();
		if (weeks.isEmpty()) {
			return counts;
		}
		StringBuilder which = new StringBuilder("case");
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < weeks.size(); i++) {
			which.append(" when ").append(column).append(" >= ? and ").append(column).append(" < ? then ").append(i);
			params.add(weeks.get(i).start(zone).toEpochMilli());
			params.add(weeks.get(i).end(zone).toEpochMilli());
		}
		which.append(" else -1 end");
		params.add(weeks.stream().map(w -> w.start(zone)).min(Instant::compareTo).orElseThrow().toEpochMilli());
		params.add(weeks.stream().map(w -> w.end(zone)).max(Instant::compareTo).orElseThrow().toEpochMilli());
		jdbc.sql("select t.wk, count(*) from (select " + which + " as wk from award where " + column + " >= ? and " + column
				+ " < ?) t group by t.wk").params(params).query(rs -> {
					counts.put(rs.getInt(1), rs.getLong(2));
				});
		return counts;
	}
}
