package org.badgebridge.course.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a course waits for its next sync: the course's rule, pure. Within {@code hold} after the course's
 * last activity (a launch, a teacher's action, a changed result) it is polled at the {@code active} interval;
 * after that every sync that found nothing new doubles the interval, up to {@code idle}. Activity brings it back
 * to {@code active} at once (and a course further away than that is woken: {@link #wakes}). With {@code backOff}
 * off it is the fixed rule of earlier versions: active within the hold, idle after it.
 */
public record PollingRule(Duration active, Duration idle, Duration hold, boolean backOff) {

	public PollingRule {
		if (active == null || idle == null || hold == null || active.isNegative() || active.isZero()) {
			throw new IllegalArgumentException("The active interval must be positive.");
		}
		if (idle.compareTo(active) < 0) {
			throw new IllegalArgumentException("The idle interval cannot be shorter than the active interval.");
		}
		if (hold.isNegative()) {
			throw new IllegalArgumentException("The hold after activity cannot be negative.");
		}
	}

	/** The fixed rule of earlier versions (every minute within 24 h of activity, hourly otherwise), for comparison. */
	public static PollingRule fixed(Duration active, Duration idle, Duration window) {
		return new PollingRule(active, idle, window, false);
	}

	/**
	 * The interval until the next sync, decided after a sync at {@code now}.
	 *
	 * @param previous the interval the course had (null: none yet)
	 * @param lastActivity the course's last launch, teacher's action or changed result (null: none known)
	 */
	public Duration next(Duration previous, Instant lastActivity, Instant now) {
		if (lastActivity != null && Duration.between(lastActivity, now).compareTo(hold) <= 0) {
			return active;
		}
		if (!backOff) {
			return idle;
		}
		if (previous == null || previous.compareTo(active) < 0) {
			return active;
		}
		Duration doubled = previous.compareTo(idle) >= 0 ? idle : previous.multipliedBy(2);
		return doubled.compareTo(idle) > 0 ? idle : doubled;
	}

	/** Whether activity should bring the next sync forward: the course waits longer than the active interval. */
	public boolean wakes(Duration current) {
		return current == null || current.compareTo(active) > 0;
	}

	/** Whether activity at {@code now} should bring the next sync, planned at {@code next}, forward to now. */
	public boolean wakes(Duration current, Instant next, Instant now) {
		return wakes(current) || (next != null && next.isAfter(now.plus(active)));
	}
}
