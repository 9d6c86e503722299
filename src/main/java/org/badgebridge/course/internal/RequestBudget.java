package org.badgebridge.course.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The requests a platform's syncs may make in a minute, shared by every node through one row per platform
 * ({@code course_request_budget}: the current minute and the requests taken in it). Each read of a sync (line
 * items, a column's results, the roster; its further pages are not counted) takes one request with a single
 * conditional UPDATE, so concurrent syncs on any node interleave and none can take more than the minute holds; a sync that finds the minute spent stops and runs again in the next one. An LMS that answers
 * 429 after the client's own retries (which honour {@code Retry-After}) spends the platform's minute for everyone.
 */
@Component
public class RequestBudget {

	static final long WINDOW = 60_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	public RequestBudget(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Takes one request of the platform's current minute; false when the minute is spent. */
	public boolean take(long registrationId, int perMinute) {
		long window = clock.millis() / WINDOW * WINDOW;
		if (jdbc.sql("update course_request_budget set window_start=?, used=1 where registration_id=? and window_start<?")
				.params(window, registrationId, window).update() > 0) {
			return true;
		}
		if (jdbc.sql("update course_request_budget set used=used+1 where registration_id=? and window_start=? and used<?")
				.params(registrationId, window, perMinute).update() > 0) {
			return true;
		}
		if (jdbc.sql("select count(*) from course_request_budget where registration_id=?").param(registrationId).query(Integer.class)
				.single() > 0) {
			return false;
		}
		try {
			jdbc.sql("insert into course_request_budget (registration_id, window_start, used) values (?,?,1)")
					.params(registrationId, window).update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return take(registrationId, perMinute); // another node made the row a moment ago
		}
	}

	/** The platform asked us to slow down: nobody takes more of this minute. */
	public void spend(long registrationId) {
		long window = clock.millis() / WINDOW * WINDOW;
		if (jdbc.sql("update course_request_budget set window_start=?, used=? where registration_id=?")
				.params(window, Integer.MAX_VALUE, registrationId).update() == 0) {
			try {
				jdbc.sql("insert into course_request_budget (registration_id, window_start, used) values (?,?,?)")
						.params(registrationId, window, Integer.MAX_VALUE).update();
			}
			catch (DuplicateKeyException ex) {
				spend(registrationId);
			}
		}
	}

	/** When a sync that found the budget spent runs again: the next minute, spread by course over its first 20 s. */
	public Instant retryAt(long contextId) {
		long next = (clock.millis() / WINDOW + 1) * WINDOW;
		return Instant.ofEpochMilli(next + Math.floorMod(contextId * 7919, 20_000L));
	}
}
