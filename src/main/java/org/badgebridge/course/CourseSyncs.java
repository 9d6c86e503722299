package org.badgebridge.course;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.badgebridge.course.internal.PollState;
import org.badgebridge.course.internal.PollingRule;
import org.badgebridge.course.internal.RequestBudget;
import org.badgebridge.course.internal.SyncScheduler;
import org.badgebridge.course.internal.SyncSettings;
import org.badgebridge.lms.LmsCallFailed;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.Registrations;

/**
 * Keeps a course's line items, results and roster in step with the platform. AGS has no push, so a Quartz job
 * per course polls, adaptively ({@link PollingRule}: the active interval within the hold after a launch, a teacher's
 * action or a changed result, then doubling up to the idle interval); "sync now" runs the same job. A regular sync
 * reads the line items, the results of the columns criteria use and the roster now and then ({@link SyncReads}),
 * within the platform's request budget.
 * This class owns the course sync's sequence (read through the AGS and NRPS clients, store, record the
 * outcome) and is the API other modules use; storing the gradebook ({@link SyncedGradebook}) and the roster
 * ({@link SyncedRoster}), recording outcomes ({@link SyncRecords}) and the per-learner refresh
 * ({@link LearnerRefresh}) are its helpers. Only a sync that read everything publishes {@link CourseSynced}.
 */
@Service
public class CourseSyncs {

	private static final Logger log = LoggerFactory.getLogger(CourseSyncs.class);

	/** The outcome of a sync that found the platform's request budget spent: nothing recorded, it runs again later. */
	public static final String DEFERRED = "DEFERRED";

	private final JdbcClient jdbc;

	private final Courses courses;

	private final Registrations registrations;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final SyncScheduler scheduler;

	private final SyncReads reads;

	private final SyncRecords records;

	private final LearnerRefresh learnerRefresh;

	private final SyncSettings settings;

	private final PollState polls;

	private final RequestBudget budget;

	private final Clock clock;

	CourseSyncs(JdbcClient jdbc, Courses courses, Registrations registrations, ApplicationEventPublisher events,
			TransactionTemplate transactions, SyncScheduler scheduler, SyncReads reads, SyncRecords records,
			LearnerRefresh learnerRefresh, SyncSettings settings, PollState polls, RequestBudget budget, Clock clock) {
		this.jdbc = jdbc;
		this.courses = courses;
		this.registrations = registrations;
		this.events = events;
		this.transactions = transactions;
		this.scheduler = scheduler;
		this.reads = reads;
		this.records = records;
		this.learnerRefresh = learnerRefresh;
		this.settings = settings;
		this.polls = polls;
		this.budget = budget;
		this.clock = clock;
	}

	/** Makes sure the course is polled (idempotent; call it when a course gets something to award). */
	public void schedule(long contextId) {
		scheduler.ensure(contextId, nextInterval(contextId, scheduler.interval(contextId).orElse(null)));
	}

	/**
	 * Runs the course's sync job at once (on whichever node picks it up; never twice at the same time), reading every
	 * column and the roster, and polls it at the active interval again: a teacher asked, or awarding was switched on.
	 */
	public void syncNow(long contextId) {
		polls.teacherActed(contextId, clock.millis());
		scheduler.ensure(contextId, settings.rule(contextId).active());
		scheduler.runNow(contextId);
	}

	/**
	 * A teacher acted in the course (opened a badge's dashboard, changed criteria or awarding, created a column): the
	 * course is polled at the active interval again (at once when it waited longer), and its next sync reads every
	 * column and the roster.
	 */
	public void teacherActed(long contextId) {
		polls.teacherActed(contextId, clock.millis());
		scheduler.wake(contextId, settings.rule(contextId));
	}

	/**
	 * After a sync: how long the course waits for its next one ({@link PollingRule}), from the interval it had and its
	 * last activity (launch, teacher's action, changed result).
	 */
	public Duration nextInterval(long contextId, Duration previous) {
		return settings.rule(contextId).next(previous, lastActivity(contextId), clock.instant());
	}

	/** When a sync that found the platform's budget spent runs again. */
	public Instant retryAt(long contextId) {
		return budget.retryAt(contextId);
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
		SyncReads.Tally tally = new SyncReads.Tally();
		try {
			reads.read(context, registration, start, tally);
			// the sync record and the event commit together: the event publication registry delivers it at least once
			return transactions.execute(tx -> {
				SyncStatus status = records.record(contextId, start, "SUCCESS", tally.note, tally.calls, tally.changed);
				polls.synced(contextId, tally.rosterReadAt, tally.outside);
				log.info("Sync of course {} done: {} changed result(s)", contextId, tally.changed);
				events.publishEvent(new CourseSynced(contextId, tally.changed, org.badgebridge.infrastructure.Correlation.current()));
				return status;
			});
		}
		catch (SyncReads.BudgetSpent ex) {
			return deferred(contextId, start, ex.getMessage());
		}
		catch (LmsCallFailed ex) {
			if (ex.status() == 429) {
				// the platform asks for less: the client honoured Retry-After in its retries; now every sync of it waits
				budget.spend(registration.id());
				return deferred(contextId, start, ex.getMessage());
			}
			log.warn("Sync of course {} failed: {}", contextId, ex.getMessage());
			return records.record(contextId, start, "FAILED", ex.getMessage(), tally.calls, tally.changed);
		}
		catch (RuntimeException ex) {
			log.error("Sync of course {} failed unexpectedly", contextId, ex);
			return records.record(contextId, start, "FAILED", "Unexpected error: " + ex.getClass().getSimpleName(), tally.calls,
					tally.changed);
		}
	}

	private SyncStatus deferred(long contextId, long start, String why) {
		log.info("Sync of course {} deferred: {}", contextId, why);
		return new SyncStatus(contextId, Instant.ofEpochMilli(start), null, null, DEFERRED, why, null, null);
	}

	/**
	 * Refreshes one learner's results in every known column (results filtered by {@code user_id}) within a time
	 * budget, for the learner's panel. Returns true when every column was read in time; otherwise the panel
	 * shows the data of the last sync, "as of" its time.
	 */
	public boolean syncLearner(long contextId, String userSub, Duration budget) {
		return learnerRefresh.refresh(contextId, userSub, budget);
	}

	private Instant lastActivity(long contextId) {
		Long launch = jdbc.sql("select last_launch_at from course_context where id=?").param(contextId).query(Long.class).optional()
				.orElse(null);
		long latest = Math.max(launch == null ? 0 : launch, records.lastActivity(contextId).orElse(0L));
		Instant teacher = polls.plan(contextId).teacherAt();
		latest = Math.max(latest, teacher == null ? 0 : teacher.toEpochMilli());
		return latest == 0 ? null : Instant.ofEpochMilli(latest);
	}

	/** The key of a line item by its URL (see {@link SyncedGradebook#urlHash}); {@link CourseColumns} uses it too. */
	static String sha256(String s) {
		return SyncedGradebook.urlHash(s);
	}
}
