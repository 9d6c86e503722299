package org.badgebridge.course.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;

/**
 * One Quartz job per course in the clustered JDBC store, with a trigger whose interval is the course's current
 * polling interval ({@link PollingRule}: the active interval after activity, growing while nothing changes). The
 * job disallows concurrent execution, so no two nodes sync one course at the same time. The trigger's interval is
 * the course's interval: there is no other copy of it.
 */
@Component
public class SyncScheduler {

	static final String GROUP = "course-sync";

	private final Scheduler scheduler;

	public SyncScheduler(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/** Makes sure the course's job exists and polls at {@code interval} (unchanged when it already does). */
	public void ensure(long contextId, Duration interval) {
		schedule(contextId, interval, null);
	}

	/** The course's next sync at {@code at}, then every {@code interval} (a sync that found the budget spent). */
	public void runAt(long contextId, Instant at, Duration interval) {
		schedule(contextId, interval, at);
	}

	/** The course's current polling interval, or empty when it is not polled. */
	public Optional<Duration> interval(long contextId) {
		try {
			return scheduler.getTrigger(trigger(contextId)) instanceof SimpleTrigger simple
					? Optional.of(Duration.ofMillis(simple.getRepeatInterval())) : Optional.empty();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot read the sync schedule of course " + contextId, ex);
		}
	}

	/**
	 * Activity in a polled course: when its next sync is further away than the active interval
	 * ({@link PollingRule#wakes(Duration, Instant, Instant)}), it syncs now and then every active interval. A course
	 * that is not polled (no badge asked for it yet) stays so.
	 */
	public void wake(long contextId, PollingRule rule) {
		try {
			if (scheduler.getTrigger(trigger(contextId)) instanceof SimpleTrigger simple) {
				Instant now = Instant.now();
				Instant next = simple.getNextFireTime() == null ? null : simple.getNextFireTime().toInstant();
				if (rule.wakes(Duration.ofMillis(simple.getRepeatInterval()), next, now)) {
					schedule(contextId, rule.active(), now);
				}
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot wake the sync of course " + contextId, ex);
		}
	}

	private void schedule(long contextId, Duration every, Instant at) {
		try {
			JobKey job = job(contextId);
			if (!scheduler.checkExists(job)) {
				JobDetail detail = JobBuilder.newJob(CourseSyncJob.class).withIdentity(job).usingJobData("contextId", contextId)
						.storeDurably().requestRecovery().build();
				try {
					scheduler.addJob(detail, false);
				}
				catch (ObjectAlreadyExistsException ex) {
					// another node added it
				}
			}
			long interval = every.toMillis();
			Trigger existing = scheduler.getTrigger(trigger(contextId));
			if (at == null && existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == interval) {
				return;
			}
			Trigger fresh = TriggerBuilder.newTrigger().withIdentity(trigger(contextId)).forJob(job)
					.startAt(new java.util.Date(at != null ? at.toEpochMilli() : System.currentTimeMillis() + interval))
					.withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval).repeatForever()
							.withMisfireHandlingInstructionNextWithRemainingCount())
					.build();
			if (existing == null) {
				try {
					scheduler.scheduleJob(fresh);
				}
				catch (ObjectAlreadyExistsException ex) {
					scheduler.rescheduleJob(fresh.getKey(), fresh);
				}
			}
			else {
				scheduler.rescheduleJob(fresh.getKey(), fresh);
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot schedule the sync of course " + contextId, ex);
		}
	}

	public void runNow(long contextId) {
		try {
			scheduler.triggerJob(job(contextId));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Cannot start the sync of course " + contextId, ex);
		}
	}

	static JobKey job(long contextId) {
		return JobKey.jobKey("course-" + contextId, GROUP);
	}

	static TriggerKey trigger(long contextId) {
		return TriggerKey.triggerKey("course-" + contextId, GROUP);
	}
}
