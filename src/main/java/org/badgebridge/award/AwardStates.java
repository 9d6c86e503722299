package org.badgebridge.award;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a teacher's table shows of a badge's awards, read for the learners on screen only: each one's state
 * (earned, claimed, suspended, revoked), and who holds one that stands (for a dashboard's counts).
 */
@Service
public class AwardStates {

	/** An award's id and state in words for a table: EARNED, CLAIMED, SUSPENDED or REVOKED. */
	public record Held(String awardId, String state) {

		public boolean revoked() {
			return "REVOKED".equals(state);
		}

		public boolean suspended() {
			return "SUSPENDED".equals(state);
		}
	}

	private static final String SELECT = """
			select user_sub, id, case when revoked_at is not null then 'REVOKED' when suspended_at is not null then 'SUSPENDED'
			when claimed_at is not null then 'CLAIMED' else 'EARNED' end as state from award where badge_id = ? and context_id = ?""";

	private final JdbcClient jdbc;

	AwardStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The awards of these learners (at most a page of them), by learner. */
	public Map<String, Held> of(String badgeId, long contextId, Collection<String> userSubs) {
		Map<String, Held> held = new HashMap<>();
		if (userSubs.isEmpty()) {
			return held;
		}
		List<Object> params = new ArrayList<>(List.of(badgeId, contextId));
		params.addAll(userSubs);
		jdbc.sql(SELECT + " and user_sub in (" + "?,".repeat(userSubs.size() - 1) + "?)").params(params)
				.query(rs -> {
					held.put(rs.getString(1), new Held(rs.getString(2), rs.getString(3)));
				});
		return held;
	}

	/**
	 * The awards made out to one of these addresses (compared without case), newest first, with their state: a
	 * learner's awards across courses and institutions, for their backpack ({@link Awards#find} gives each one whole).
	 */
	public List<Held> forRecipients(Collection<String> addresses) {
		List<String> lower = addresses.stream().map(a -> a.trim().toLowerCase(java.util.Locale.ROOT)).distinct().toList();
		if (lower.isEmpty()) {
			return List.of();
		}
		String select = SELECT.substring(0, SELECT.indexOf(" where "));
		return jdbc.sql(select + " where lower(recipient_email) in (:addresses) order by awarded_at desc").param("addresses", lower)
				.query((rs, i) -> new Held(rs.getString(2), rs.getString(3))).list();
	}

	/** Every award of the badge in the course, by learner (for an export). */
	public Map<String, Held> all(String badgeId, long contextId) {
		Map<String, Held> held = new HashMap<>();
		jdbc.sql(SELECT).params(badgeId, contextId).query(rs -> {
			held.put(rs.getString(1), new Held(rs.getString(2), rs.getString(3)));
		});
		return held;
	}

	/** The learners holding an award of the badge in the course that stands (not revoked). */
	public java.util.Set<String> standing(String badgeId, long contextId) {
		return new java.util.HashSet<>(jdbc.sql("select user_sub from award where badge_id = ? and context_id = ? and revoked_at is null")
				.params(badgeId, contextId).query(String.class).list());
	}
}
