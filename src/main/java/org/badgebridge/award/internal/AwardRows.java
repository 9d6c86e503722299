package org.badgebridge.award.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.badgebridge.award.Award;

/** Reads an award row and appends to the award log: shared by {@code Awards} and {@code AwardHolds}. */
@Component
public class AwardRows {

	private final JdbcClient jdbc;

	private final Clock clock;

	AwardRows(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<Award> find(String id) {
		return jdbc.sql("select * from award where id=?").param(id).query(AwardRows::row).optional();
	}

	/** One entry of the award log: who did what to the award, and why. */
	public void log(String awardId, String badgeId, String userSub, String action, String actor, String reason) {
		jdbc.sql("insert into award_log (award_id, badge_id, user_sub, action, actor, reason, at) values (?,?,?,?,?,?,?)")
				.params(awardId, badgeId, userSub, action, actor, reason, clock.millis()).update();
	}

	public static Award row(ResultSet rs, int i) throws SQLException {
		return new Award(rs.getString("id"), rs.getString("badge_id"), rs.getLong("context_id"), rs.getString("user_sub"),
				rs.getString("recipient_name"), rs.getString("recipient_email"), rs.getString("locale"),
				Instant.ofEpochMilli(rs.getLong("awarded_at")), rs.getString("awarded_by"), rs.getString("reason"),
				millis(rs, "revoked_at"), rs.getString("revoked_by"), rs.getString("revoke_reason"), millis(rs, "claimed_at"),
				rs.getString("evidence"), rs.getBoolean("public_visible"), millis(rs, "suspended_at"), rs.getString("suspend_reason"),
				millis(rs, "erased_at"), millis(rs, "declined_at"));
	}

	private static Instant millis(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(v);
	}
}
