package org.badgebridge.infrastructure.internal;

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
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Resubmits event publications whose listener has not completed (it failed, or its node died) once they are
 * older than a grace period. A clustered, non-concurrent Quartz job: one node at a time does it.
 */
@Configuration
class PublicationResubmission {

	@Bean
	JobDetail publicationResubmissionJob() {
		return JobBuilder.newJob(ResubmitJob.class).withIdentity("event-resubmission", "events").storeDurably().build();
	}

	@Bean
	Trigger publicationResubmissionTrigger(JobDetail publicationResubmissionJob,
			@Value("${badgebridge.events.resubmit-interval:1m}") Duration interval) {
		return TriggerBuilder.newTrigger().forJob(publicationResubmissionJob).withIdentity("event-resubmission", "events")
				.withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis()).repeatForever()
						.withMisfireHandlingInstructionNextWithRemainingCount())
				.build();
	}

	@DisallowConcurrentExecution
	public static class ResubmitJob extends QuartzJobBean {

		private final IncompleteEventPublications publications;

		private final Duration grace;

		public ResubmitJob(IncompleteEventPublications publications,
				@Value("${badgebridge.events.resubmit-after:2m}") Duration grace) {
			this.publications = publications;
			this.grace = grace;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			publications.resubmitIncompletePublicationsOlderThan(grace);
		}
	}
}
