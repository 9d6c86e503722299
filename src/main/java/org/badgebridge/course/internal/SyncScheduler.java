package org.badgebridge.course.internal;

import java.time.Duration;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One Quartz job per course in the clustered JDBC store, with a trigger every minute while the course is
 * active and every hour otherwise. The job disallows concurrent execution, so no two nodes sync one course at
 * the same time.
 */
@Component
public class SyncScheduler {

	static final String GROUP = "course-sync";

	private final Scheduler scheduler;

	private final Duration activeInterval;

	private final Duration idleInterval;

	public SyncScheduler(Scheduler scheduler, @Value("${badgebridge.sync.active-interval:1m}") Duration activeInterval,
			@Value("${badgebridge.sync.idle-interval:1h}") Duration idleInterval) {
		this.scheduler = scheduler;
		this.activeInterval = activeInterval;
		this.idleInterval = idleInterval;
	}

	public void ensure(long contextId, boolean active) {
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
			long interval = (active ? activeInterval : idleInterval).toMillis();
			Trigger existing = scheduler.getTrigger(trigger(contextId));
			if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == interval) {
				return;
			}
			Trigger fresh = TriggerBuilder.newTrigger().withIdentity(trigger(contextId)).forJob(job)
					.startAt(new java.util.Date(System.currentTimeMillis() + interval))
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
