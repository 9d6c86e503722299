package org.badgebridge.audit.internal;

import java.time.Clock;
import java.time.Duration;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail's retention: rows older than {@code badgebridge.audit.retention} (default 730 days) are deleted, on
 * the clustered scheduler (one node at a time, never concurrent).
 */
@DisallowConcurrentExecution
public class AuditRetentionJob extends QuartzJobBean {

	private final Purge purge;

	public AuditRetentionJob(Purge purge) {
		this.purge = purge;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		purge.run();
	}

	/** Deletes the rows older than the retention period; the number deleted. */
	@Component
	static class Purge {

		private static final Logger log = LoggerFactory.getLogger(Purge.class);

		private final AuditLog audit;

		private final Clock clock;

		private final Duration retention;

		Purge(AuditLog audit, Clock clock, @Value("${badgebridge.audit.retention:P730D}") Duration retention) {
			this.audit = audit;
			this.clock = clock;
			this.retention = retention;
		}

		@Transactional
		int run() {
			int purged = audit.purgeBefore(clock.instant().minus(retention));
			if (purged > 0) {
				log.info("Audit retention: {} row(s) older than {} deleted", purged, retention);
			}
			return purged;
		}

		Duration retention() {
			return retention;
		}
	}

	@Configuration
	static class Schedule {

		@Bean
		JobDetail auditRetentionJob() {
			return JobBuilder.newJob(AuditRetentionJob.class).withIdentity("retention", "audit").storeDurably().build();
		}

		@Bean
		Trigger auditRetentionTrigger(JobDetail auditRetentionJob, @Value("${badgebridge.audit.retention-check:6h}") Duration interval) {
			return TriggerBuilder.newTrigger().forJob(auditRetentionJob).withIdentity("retention", "audit")
					.withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
							.repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
					.build();
		}
	}
}
