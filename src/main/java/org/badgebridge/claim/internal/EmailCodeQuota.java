package org.badgebridge.claim.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many confirmation codes a holder (a learner, an address) was sent in its current day: the day starts with its
 * first code. Taking one is a single conditional update, so two requests at the same moment cannot both take the last
 * one (the row is locked until the caller's transaction ends; a caller that fails gives its code back by rolling back).
 */
@Component
public class EmailCodeQuota {

	static final Duration DAY = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	EmailCodeQuota(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Takes one code from the holder's allowance for the day; false when {@code perDay} were taken already. */
	public boolean take(String holder, int perDay) {
		if (perDay <= 0) {
			return false;
		}
		long now = clock.millis();
		if (takeFromExisting(holder, perDay, now)) {
			return true;
		}
		try {
			jdbc.sql("insert into email_code_quota (holder, window_start, used) values (?,?,1)").params(holder, now).update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return takeFromExisting(holder, perDay, now); // inserted by a request at the same moment
		}
	}

	/** Forgets days that ended long ago. */
	public void forgetOld() {
		jdbc.sql("delete from email_code_quota where window_start < ?").param(clock.millis() - 2 * DAY.toMillis()).update();
	}

	private boolean takeFromExisting(String holder, int perDay, long now) {
		long dayOver = now - DAY.toMillis();
		// MySQL assigns left to right: "used" must be computed from the old window_start, so it comes first
		return jdbc.sql("""
				update email_code_quota set
				  used = case when window_start <= :dayOver then 1 else used + 1 end,
				  window_start = case when window_start <= :dayOver then :now else window_start end
				where holder = :holder and (window_start <= :dayOver or used < :perDay)""")
				.param("dayOver", dayOver).param("now", now).param("holder", holder).param("perDay", perDay).update() == 1;
	}
}
