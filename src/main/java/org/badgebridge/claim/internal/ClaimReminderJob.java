package org.badgebridge.claim.internal;

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

import org.badgebridge.claim.ClaimWindow;

/**
 * Sends the reminders before claim windows end; on the clustered scheduler and never concurrent, and each reminder has
 * its own outbox key, so two nodes never send the same one.
 */
@DisallowConcurrentExecution
public class ClaimReminderJob extends QuartzJobBean {

	private final ClaimWindow window;

	public ClaimReminderJob(ClaimWindow window) {
		this.window = window;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		window.remindDue();
	}

	@Configuration
	static class Schedule {

		@Bean
		JobDetail claimReminderJob() {
			return JobBuilder.newJob(ClaimReminderJob.class).withIdentity("claim-reminders", "claim").storeDurably().build();
		}

		@Bean
		Trigger claimReminderTrigger(JobDetail claimReminderJob,
				@Value("${badgebridge.claim.reminder-check:1h}") Duration interval) {
			return TriggerBuilder.newTrigger().forJob(claimReminderJob).withIdentity("claim-reminders", "claim")
					.withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
							.repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
					.build();
		}
	}
}
