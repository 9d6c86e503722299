package org.badgebridge.account.internal;

import java.time.Duration;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Runs the retention purges ({@link Retention}) on the clustered scheduler: one node at a time, never concurrent. */
@DisallowConcurrentExecution
public class RetentionJob extends QuartzJobBean {

	private final Retention retention;

	public RetentionJob(Retention retention) {
		this.retention = retention;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		retention.purge();
	}

	@Configuration
	static class Schedule {

		@Bean
		JobDetail retentionJob() {
			return JobBuilder.newJob(RetentionJob.class).withIdentity("retention", "account").storeDurably().build();
		}

		@Bean
		Trigger retentionTrigger(JobDetail retentionJob, @Value("${badgebridge.retention.check:1h}") Duration interval) {
			return TriggerBuilder.newTrigger().forJob(retentionJob).withIdentity("retention", "account")
					.withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
							.repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
					.build();
		}
	}
}
