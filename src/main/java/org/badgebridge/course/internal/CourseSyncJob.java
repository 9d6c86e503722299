package org.badgebridge.course.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

import org.badgebridge.course.CourseSyncs;
import org.badgebridge.course.SyncStatus;

/** Syncs one course; Quartz never runs two of these for the same course at once, on any node. */
@DisallowConcurrentExecution
public class CourseSyncJob extends QuartzJobBean {

	private final CourseSyncs syncs;

	private final SyncScheduler scheduler;

	public CourseSyncJob(CourseSyncs syncs, SyncScheduler scheduler) {
		this.syncs = syncs;
		this.scheduler = scheduler;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		long contextId = context.getMergedJobDataMap().getLong("contextId");
		SyncStatus status = syncs.sync(contextId);
		java.time.Duration previous = scheduler.interval(contextId).orElse(null);
		if (CourseSyncs.DEFERRED.equals(status.outcome())) {
			// the platform's request budget is spent for this minute: run again in the next one, same interval
			scheduler.runAt(contextId, syncs.retryAt(contextId), previous != null ? previous : syncs.nextInterval(contextId, null));
			return;
		}
		// the active interval within the hold after activity, then doubling while nothing changes, up to idle
		scheduler.ensure(contextId, syncs.nextInterval(contextId, previous));
	}
}
