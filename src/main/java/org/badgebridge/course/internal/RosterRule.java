package org.badgebridge.course.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When a sync reads the roster (NRPS), pure: results change far more often than who is in a course, so the
 * roster is read when the sync reads everything, when it was last read longer than {@code interval} ago (or
 * never), or when results now name more users outside the roster than after the last read (someone new got a
 * grade: their award should not wait for the interval).
 */
public record RosterRule(Duration interval) {

	public RosterRule {
		if (interval == null || interval.isNegative()) {
			throw new IllegalArgumentException("The roster interval cannot be negative.");
		}
	}

	public boolean due(boolean everything, Instant lastRead, Instant now, int outsideNow, int outsideAfterLastRead) {
		return everything || lastRead == null || Duration.between(lastRead, now).compareTo(interval) >= 0
				|| outsideNow > outsideAfterLastRead;
	}
}
