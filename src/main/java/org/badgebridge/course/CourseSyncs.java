package org.badgebridge.course;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.badgebridge.course.internal.SyncScheduler;
import org.badgebridge.lms.AgsClient;
import org.badgebridge.lms.LineItem;
import org.badgebridge.lms.LmsCallFailed;
import org.badgebridge.lms.NrpsClient;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.Registrations;

/**
 * Keeps a course's line items, results and roster in step with the platform. AGS has no push, so a Quartz job
 * per course polls (every minute while the course is active, hourly otherwise); "sync now" runs the same job.
 * This class owns the course sync's sequence (read through the AGS and NRPS clients, store, record the
 * outcome) and is the API other modules use; storing the gradebook ({@link SyncedGradebook}) and the roster
 * ({@link SyncedRoster}), recording outcomes ({@link SyncRecords}) and the per-learner refresh
 * ({@link LearnerRefresh}) are its helpers. Only a sync that read everything publishes {@link CourseSynced}.
 */
@Service
public class CourseSyncs {

	private static final Logger log = LoggerFactory.getLogger(CourseSyncs.class);

	private final JdbcClient jdbc;

	private final Courses courses;

	private final Registrations registrations;

	private final AgsClient ags;

	private final NrpsClient nrps;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final SyncScheduler scheduler;

	private final SyncedGradebook gradebook;

	private final SyncedRoster roster;

	private final SyncRecords records;

	private final LearnerRefresh learnerRefresh;

	private final Clock clock;

	private final Duration activeWindow;

	CourseSyncs(JdbcClient jdbc, Courses courses, Registrations registrations, AgsClient ags, NrpsClient nrps,
			ApplicationEventPublisher events, TransactionTemplate transactions, SyncScheduler scheduler, SyncedGradebook gradebook,
			SyncedRoster roster, SyncRecords records, LearnerRefresh learnerRefresh, Clock clock,
			@Value("${badgebridge.sync.active-window:24h}") Duration activeWindow) {
		this.jdbc = jdbc;
		this.courses = courses;
		this.registrations = registrations;
		this.ags = ags;
		this.nrps = nrps;
		this.events = events;
		this.transactions = transactions;
		this.scheduler = scheduler;
		this.gradebook = gradebook;
		this.roster = roster;
		this.records = records;
		this.learnerRefresh = learnerRefresh;
		this.clock = clock;
		this.activeWindow = activeWindow;
	}

	/** Makes sure the course is polled (idempotent; call it when a course gets something to award). */
	public void schedule(long contextId) {
		scheduler.ensure(contextId, isActive(contextId));
	}

	/** Runs the course's sync job at once (on whichever node picks it up; never twice at the same time). */
	public void syncNow(long contextId) {
		scheduler.ensure(contextId, isActive(contextId));
		scheduler.runNow(contextId);
	}

	public Optional<SyncStatus> status(long contextId) {
		return records.status(contextId);
	}

	/** The sync itself (the Quartz job calls this). Never throws: the outcome is recorded for the teacher. */
	public SyncStatus sync(long contextId) {
		try (org.badgebridge.infrastructure.Correlation.Scope correlation = org.badgebridge.infrastructure.Correlation.start()) {
			return correlatedSync(contextId);
		}
	}

	private SyncStatus correlatedSync(long contextId) {
		long start = clock.millis();
		CourseContext context = courses.context(contextId).orElse(null);
		if (context == null) {
			return records.record(contextId, start, "FAILED", "The course is unknown.", 0, 0);
		}
		Registration registration = registrations.find(context.registrationId()).orElse(null);
		if (registration == null || !registration.isActive()) {
			return records.record(contextId, start, "SKIPPED", "The platform registration is not active.", 0, 0);
		}
		if (context.lineItemsUrl() == null) {
			return records.record(contextId, start, "FAILED", "The platform has not sent an AGS line items URL for this course: "
					+ "Assignment and Grade Services may be off for the tool.", 0, 0);
		}
		int calls = 0;
		int changed = 0;
		try {
			List<LineItem> items = ags.lineItems(registration, context.lineItemsUrl(), AgsClient.LineItemFilter.none());
			calls++;
			for (LineItem item : items) {
				long id = gradebook.storeLineItem(contextId, item, start);
				changed += gradebook.storeResults(id, ags.results(registration, item.id(), null), start);
				calls++;
			}
			String note = null;
			if (context.membershipsUrl() != null) {
				roster.store(contextId, nrps.members(registration, context.membershipsUrl(), null));
				calls++;
				int strangers = roster.resultsOutsideRoster(contextId);
				if (strangers > 0) {
					note = strangers + " result(s) belong to users who are not in the course's roster (left the course, or not "
							+ "visible to the tool); they are kept but nobody is awarded for them.";
					log.warn("Course {}: {}", contextId, note);
				}
			}
			int changedResults = changed;
			int callCount = calls;
			String syncNote = note;
			// the sync record and the event commit together: the event publication registry delivers it at least once
			return transactions.execute(tx -> {
				SyncStatus status = records.record(contextId, start, "SUCCESS", syncNote, callCount, changedResults);
				log.info("Sync of course {} done: {} changed result(s)", contextId, changedResults);
				events.publishEvent(new CourseSynced(contextId, changedResults, org.badgebridge.infrastructure.Correlation.current()));
				return status;
			});
		}
		catch (LmsCallFailed ex) {
			log.warn("Sync of course {} failed: {}", contextId, ex.getMessage());
			return records.record(contextId, start, "FAILED", ex.getMessage(), calls, changed);
		}
		catch (RuntimeException ex) {
			log.error("Sync of course {} failed unexpectedly", contextId, ex);
			return records.record(contextId, start, "FAILED", "Unexpected error: " + ex.getClass().getSimpleName(), calls, changed);
		}
	}

	/**
	 * Refreshes one learner's results in every known column (results filtered by {@code user_id}) within a time
	 * budget, for the learner's panel. Returns true when every column was read in time; otherwise the panel
	 * shows the data of the last sync, "as of" its time.
	 */
	public boolean syncLearner(long contextId, String userSub, Duration budget) {
		return learnerRefresh.refresh(contextId, userSub, budget);
	}

	/** Whether the course saw a launch or a changed result within the active window (then it is polled often). */
	public boolean isActive(long contextId) {
		long since = clock.millis() - activeWindow.toMillis();
		Long lastLaunch = jdbc.sql("select last_launch_at from course_context where id=?").param(contextId).query(Long.class)
				.optional().orElse(null);
		Long lastActivity = records.lastActivity(contextId).orElse(null);
		return (lastLaunch != null && lastLaunch > since) || (lastActivity != null && lastActivity > since);
	}

	/** The key of a line item by its URL (see {@link SyncedGradebook#urlHash}); {@link CourseColumns} uses it too. */
	static String sha256(String s) {
		return SyncedGradebook.urlHash(s);
	}
}
