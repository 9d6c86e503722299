package org.badgebridge.infrastructure.internal;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the clustered scheduler (course syncs, resubmitted events): up while the scheduler is started, not in
 * standby and its job store answers (a read of the job groups goes to the database). Shown in the health details as
 * {@code quartz}, but not part of readiness: a node whose scheduler is stopped still serves pages, and another node of
 * the cluster runs the jobs.
 */
@Component("quartzHealthIndicator")
class QuartzHealth extends AbstractHealthIndicator {

	private final Scheduler scheduler;

	QuartzHealth(Scheduler scheduler) {
		super("Quartz scheduler health check failed");
		this.scheduler = scheduler;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws SchedulerException {
		SchedulerMetaData meta = scheduler.getMetaData();
		builder.withDetail("instanceId", meta.getSchedulerInstanceId())
				.withDetail("clustered", meta.isJobStoreClustered())
				.withDetail("jobStore", meta.getJobStoreClass().getSimpleName());
		if (!scheduler.isStarted() || scheduler.isInStandbyMode() || scheduler.isShutdown()) {
			builder.down().withDetail("state", scheduler.isShutdown() ? "shut down" : scheduler.isStarted() ? "standby" : "not started");
			return;
		}
		builder.withDetail("jobGroups", scheduler.getJobGroupNames().size()).up();
	}
}
