package org.badgebridge.infrastructure.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Resubmits event publications whose listener failed, and only those: a publication still queued or running is
 * left alone until it has been in progress longer than {@code badgebridge.events.stale-after} (its node died), which
 * lies well above the longest LMS call with its retries (4 attempts of 20 s and pauses of up to 30 s, plus a token
 * request and one retry on 401: about 6 minutes). Only then is it marked failed, and resubmitted in the same run.
 * A clustered, non-concurrent Quartz job: one node at a time does it.
 * <p>
 * Spring Modulith 2.0.3's own staleness monitor is not used: it measures every status from the publication date,
 * so a publication resubmitted an hour after it was published would count as stale while it runs again.
 */
@Configuration
class PublicationResubmission {

	private static final Logger log = LoggerFactory.getLogger(PublicationResubmission.class);

	/** The statuses of a publication that is queued or whose listener runs. */
	static final List<EventPublication.Status> IN_PROGRESS = List.of(EventPublication.Status.PUBLISHED,
			EventPublication.Status.PROCESSING, EventPublication.Status.RESUBMITTED);

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

	/** Since when a publication is in progress: its last resubmission, else its publication. */
	static Instant inProgressSince(EventPublication publication) {
		Instant resubmitted = publication.getLastResubmissionDate();
		return resubmitted != null && resubmitted.isAfter(publication.getPublicationDate()) ? resubmitted
				: publication.getPublicationDate();
	}

	@DisallowConcurrentExecution
	public static class ResubmitJob extends QuartzJobBean {

		private final EventPublicationRepository repository;

		private final FailedEventPublications failed;

		private final Clock clock;

		private final Duration staleAfter;

		public ResubmitJob(EventPublicationRepository repository, FailedEventPublications failed, Clock clock,
				@Value("${badgebridge.events.stale-after:15m}") Duration staleAfter) {
			this.repository = repository;
			this.failed = failed;
			this.clock = clock;
			this.staleAfter = staleAfter;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			Instant staleBefore = clock.instant().minus(staleAfter);
			for (EventPublication.Status status : IN_PROGRESS) {
				for (TargetEventPublication stale : repository.findByStatus(status)) {
					if (inProgressSince(stale).isBefore(staleBefore)) {
						log.warn("Event publication {} ({}) has been {} since {}: taken as failed", stale.getIdentifier(),
								stale.getTargetIdentifier(), status, inProgressSince(stale));
						repository.markFailed(stale.getIdentifier());
					}
				}
			}
			failed.resubmit(ResubmissionOptions.defaults().withBatchSize(500));
		}
	}
}
