package org.badgebridge.course.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.springframework.stereotype.Component;

/**
 * When the courses on an admin page are synced next, read (never changed) from the triggers {@link SyncScheduler}
 * keeps in Quartz: the next run, and the interval where the trigger repeats at one.
 */
@Component
class SyncSchedule {

	/** A course's next sync, and the time between syncs (null when the trigger has no fixed interval). */
	record Next(Instant at, Duration every) {
	}

	private final Scheduler scheduler;

	SyncSchedule(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/** The next sync of each of these courses (at most a page of them) that is scheduled. */
	Map<Long, Next> of(Collection<Long> contextIds) {
		Map<Long, Next> next = new HashMap<>();
		for (long id : contextIds) {
			try {
				Trigger trigger = scheduler.getTrigger(SyncScheduler.trigger(id));
				if (trigger != null && trigger.getNextFireTime() != null) {
					Duration every = trigger instanceof SimpleTrigger simple && simple.getRepeatInterval() > 0
							? Duration.ofMillis(simple.getRepeatInterval()) : null;
					next.put(id, new Next(trigger.getNextFireTime().toInstant(), every));
				}
			}
			catch (SchedulerException ex) {
				// the page shows no next run for it
			}
		}
		return next;
	}
}
