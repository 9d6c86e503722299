package org.badgebridge.course.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

import org.badgebridge.course.CourseSyncs;

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
		syncs.sync(contextId);
		// poll every minute while the course is active, hourly once it is quiet
		scheduler.ensure(contextId, syncs.isActive(contextId));
	}
}
