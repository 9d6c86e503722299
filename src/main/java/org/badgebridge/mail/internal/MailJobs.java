package org.badgebridge.mail.internal;

import java.time.Duration;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox delivery job and its trigger, registered with the clustered scheduler at start-up. */
@Configuration
class MailJobs {

	@Bean
	JobDetail outboxJob() {
		return JobBuilder.newJob(OutboxJob.class).withIdentity("mail-outbox", "mail").storeDurably().build();
	}

	@Bean
	Trigger outboxTrigger(JobDetail outboxJob, @Value("${badgebridge.mail.poll-interval:15s}") Duration interval) {
		return TriggerBuilder.newTrigger().forJob(outboxJob).withIdentity("mail-outbox", "mail")
				.withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis()).repeatForever()
						.withMisfireHandlingInstructionNextWithRemainingCount())
				.build();
	}
}
