package org.badgebridge.course;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.badgebridge.lms.Member;
import org.badgebridge.lms.NrpsClient;
import org.badgebridge.lms.Result;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.Registrations;

/**
 * Keeps a course's line items, results and roster in step with the platform. AGS has no push, so a Quartz job
 * per course polls (every minute while the course is active, hourly otherwise); "sync now" runs the same job.
 * Only a sync that read everything publishes {@link CourseSynced}.
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

	private final CourseData courseData;

	private final Clock clock;

	private final Duration activeWindow;

	public CourseSyncs(JdbcClient jdbc, Courses courses, Registrations registrations, AgsClient ags, NrpsClient nrps,
			ApplicationEventPublisher events, TransactionTemplate transactions, SyncScheduler scheduler, CourseData courseData,
			Clock clock,
			@Value("${badgebridge.sync.active-window:24h}") Duration activeWindow) {
		this.jdbc = jdbc;
		this.courses = courses;
		this.registrations = registrations;
		this.ags = ags;
		this.nrps = nrps;
		this.events = events;
		this.transactions = transactions;
		this.scheduler = scheduler;
		this.courseData = courseData;
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
		return jdbc.sql("select * from course_sync where context_id=?").param(contextId)
				.query((rs, i) -> new SyncStatus(contextId, instant(rs.getObject("last_started_at")),
						instant(rs.getObject("last_finished_at")), (Long) rs.getObject("duration_ms", Long.class),
						rs.getString("outcome"), rs.getString("error"), (Integer) rs.getObject("requests", Integer.class),
						(Integer) rs.getObject("changed_results", Integer.class)))
				.optional();
	}

	/** The sync itself (the Quartz job calls this). Never throws: the outcome is recorded for the teacher. */
	public SyncStatus sync(long contextId) {
		long start = clock.millis();
		CourseContext context = courses.context(contextId).orElse(null);
		if (context == null) {
			return record(contextId, start, "FAILED", "The course is unknown.", 0, 0);
		}
		Registration registration = registrations.find(context.registrationId()).orElse(null);
		if (registration == null || !registration.isActive()) {
			return record(contextId, start, "SKIPPED", "The platform registration is not active.", 0, 0);
		}
		if (context.lineItemsUrl() == null) {
			return record(contextId, start, "FAILED", "The platform has not sent an AGS line items URL for this course: "
					+ "Assignment and Grade Services may be off for the tool.", 0, 0);
		}
		int calls = 0;
		int changed = 0;
		try {
			List<LineItem> items = ags.lineItems(registration, context.lineItemsUrl(), AgsClient.LineItemFilter.none());
			calls++;
			Set<Long> seen = new HashSet<>();
			for (LineItem item : items) {
				long id = upsertLineItem(contextId, item, start);
				seen.add(id);
				changed += storeResults(id, ags.results(registration, item.id(), null), start);
				calls++;
			}
			if (context.membershipsUrl() != null) {
				storeRoster(contextId, nrps.members(registration, context.membershipsUrl(), null));
				calls++;
			}
			String note = null;
			if (context.membershipsUrl() != null) {
				int strangers = jdbc.sql("""
						select count(*) from course_result r join course_line_item li on li.id = r.line_item_id
						where li.context_id = ? and not exists (select 1 from course_member m where m.context_id = li.context_id
						  and m.user_sub = r.user_sub and m.in_roster = true)""").param(contextId).query(Integer.class).single();
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
				SyncStatus status = record(contextId, start, "SUCCESS", syncNote, callCount, changedResults);
				events.publishEvent(new CourseSynced(contextId, changedResults));
				return status;
			});
		}
		catch (LmsCallFailed ex) {
			log.warn("Sync of course {} failed: {}", contextId, ex.getMessage());
			return record(contextId, start, "FAILED", ex.getMessage(), calls, changed);
		}
		catch (RuntimeException ex) {
			log.error("Sync of course {} failed unexpectedly", contextId, ex);
			return record(contextId, start, "FAILED", "Unexpected error: " + ex.getClass().getSimpleName(), calls, changed);
		}
	}

	private final java.util.concurrent.ExecutorService learnerSyncs = java.util.concurrent.Executors.newFixedThreadPool(8, r -> {
		Thread t = new Thread(r, "learner-sync");
		t.setDaemon(true);
		return t;
	});

	/**
	 * Refreshes one learner's results in every known column (results filtered by {@code user_id}) within a time
	 * budget, for the learner's panel. Returns true when every column was read in time; otherwise the panel
	 * shows the data of the last sync, "as of" its time.
	 */
	public boolean syncLearner(long contextId, String userSub, Duration budget) {
		CourseContext context = courses.context(contextId).orElse(null);
		Registration registration = context == null ? null : registrations.find(context.registrationId()).orElse(null);
		if (registration == null || !registration.isActive()) {
			return false;
		}
		List<CourseData.Column> columns = courseData.columns(contextId);
		java.util.concurrent.Future<Boolean> work = learnerSyncs.submit(() -> {
			long now = clock.millis();
			for (CourseData.Column column : columns) {
				List<Result> results = ags.results(registration, column.url(), userSub);
				storeLearnerResult(column.id(), userSub, results.stream().filter(r -> r.userId().equals(userSub)).findFirst()
						.orElse(null), now);
			}
			return true;
		});
		try {
			return work.get(budget.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			work.cancel(true);
			log.info("Learner sync of {} in course {} took longer than {} ms: showing the last sync's data", userSub, contextId,
					budget.toMillis());
			return false;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			log.info("Learner sync of {} in course {} failed: {}", userSub, contextId, ex.getCause().getMessage());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void storeLearnerResult(long lineItemId, String userSub, Result r, long now) {
		if (r == null) {
			jdbc.sql("delete from course_result where line_item_id=? and user_sub=?").params(lineItemId, userSub).update();
			return;
		}
		Long at = r.timestamp() == null ? null : r.timestamp().toEpochMilli();
		int updated = jdbc.sql("update course_result set score=?, maximum=?, result_at=?, changed_at=? where line_item_id=? and user_sub=?")
				.params(r.score(), r.maximum(), at, now, lineItemId, userSub).update();
		if (updated == 0) {
			try {
				jdbc.sql("insert into course_result (line_item_id, user_sub, score, maximum, result_at, changed_at) values (?,?,?,?,?,?)")
						.params(lineItemId, userSub, r.score(), r.maximum(), at, now).update();
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				// written a moment ago by the course sync
			}
		}
	}

	@jakarta.annotation.PreDestroy
	void stopLearnerSyncs() {
		learnerSyncs.shutdownNow();
	}

	/** Whether the course saw a launch or a changed result within the active window (then it is polled often). */
	public boolean isActive(long contextId) {
		long since = clock.millis() - activeWindow.toMillis();
		Long lastLaunch = jdbc.sql("select last_launch_at from course_context where id=?").param(contextId).query(Long.class)
				.optional().orElse(null);
		Long lastActivity = jdbc.sql("select last_activity_at from course_sync where context_id=?").param(contextId)
				.query(Long.class).optional().orElse(null);
		return (lastLaunch != null && lastLaunch > since) || (lastActivity != null && lastActivity > since);
	}

	private long upsertLineItem(long contextId, LineItem item, long now) {
		String hash = sha256(item.id());
		int updated = jdbc.sql("update course_line_item set label=?, score_maximum=?, resource_id=?, tag=?, lms_link_id=?, last_seen_at=? where context_id=? and url_hash=?")
				.params(cut(item.label()), item.scoreMaximum(), item.resourceId(), item.tag(), item.resourceLinkId(), now, contextId,
						hash)
				.update();
		if (updated == 0) {
			try {
				jdbc.sql("insert into course_line_item (context_id, url_hash, lineitem_url, label, score_maximum, resource_id, tag, lms_link_id, last_seen_at) values (?,?,?,?,?,?,?,?,?)")
						.params(contextId, hash, item.id(), cut(item.label()), item.scoreMaximum(), item.resourceId(), item.tag(),
								item.resourceLinkId(), now)
						.update();
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				// another node inserted it a moment ago
			}
		}
		return jdbc.sql("select id from course_line_item where context_id=? and url_hash=?").params(contextId, hash)
				.query(Long.class).single();
	}

	/** Stores a column's results; returns how many changed. A result that vanished (grade removed) is removed. */
	private int storeResults(long lineItemId, List<Result> results, long now) {
		Map<String, Object[]> existing = new HashMap<>();
		jdbc.sql("select user_sub, score, maximum, result_at from course_result where line_item_id=?").param(lineItemId)
				.query(rs -> {
					existing.put(rs.getString(1), new Object[] { rs.getObject(2, Double.class), rs.getObject(3, Double.class),
							rs.getObject(4, Long.class) });
				});
		int changed = 0;
		Set<String> present = new HashSet<>();
		for (Result r : results) {
			present.add(r.userId());
			Long at = r.timestamp() == null ? null : r.timestamp().toEpochMilli();
			Object[] old = existing.get(r.userId());
			if (old == null) {
				try {
					jdbc.sql("insert into course_result (line_item_id, user_sub, score, maximum, result_at, changed_at) values (?,?,?,?,?,?)")
							.params(lineItemId, r.userId(), r.score(), r.maximum(), at, now).update();
				}
				catch (org.springframework.dao.DuplicateKeyException ex) {
					// stored a moment ago by a concurrent sync (a learner's panel, another node): take ours
					jdbc.sql("update course_result set score=?, maximum=?, result_at=?, changed_at=? where line_item_id=? and user_sub=?")
							.params(r.score(), r.maximum(), at, now, lineItemId, r.userId()).update();
				}
				changed++;
			}
			else if (!java.util.Objects.equals(old[0], r.score()) || !java.util.Objects.equals(old[1], r.maximum())
					|| !java.util.Objects.equals(old[2], at)) {
				jdbc.sql("update course_result set score=?, maximum=?, result_at=?, changed_at=? where line_item_id=? and user_sub=?")
						.params(r.score(), r.maximum(), at, now, lineItemId, r.userId()).update();
				changed++;
			}
		}
		for (String gone : existing.keySet()) {
			if (!present.contains(gone)) {
				jdbc.sql("delete from course_result where line_item_id=? and user_sub=?").params(lineItemId, gone).update();
				changed++;
			}
		}
		return changed;
	}

	private void storeRoster(long contextId, List<Member> members) {
		// what is stored now, to write only what changed (an unchanged roster of thousands costs one query)
		Map<String, List<Object>> stored = new HashMap<>();
		jdbc.sql("select user_sub, name, email, roles, role, status, in_roster from course_member where context_id=?").param(contextId)
				.query(rs -> {
					stored.put(rs.getString(1), java.util.Arrays.asList(rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6), rs.getBoolean(7)));
				});
		Set<String> present = new HashSet<>();
		for (Member m : members) {
			present.add(m.userId());
			CourseRole role = CourseRole.of(m.roles());
			String roles = cut2048(String.join(" ", m.roles()));
			List<Object> old = stored.get(m.userId());
			if (old != null) {
				List<Object> now = java.util.Arrays.asList(m.name() == null ? old.get(0) : cut(m.name()),
						m.email() == null ? old.get(1) : m.email(), roles, role.name(), m.status().name(), true);
				if (!now.equals(old)) {
					jdbc.sql("update course_member set name=?, email=?, roles=?, role=?, status=?, in_roster=true where context_id=? and user_sub=?")
							.params(now.get(0), now.get(1), roles, role.name(), m.status().name(), contextId, m.userId()).update();
				}
				continue;
			}
			try {
				jdbc.sql("insert into course_member (context_id, user_sub, name, email, roles, role, status, in_roster) values (?,?,?,?,?,?,?,true)")
						.params(contextId, m.userId(), cut(m.name()), m.email(), roles, role.name(), m.status().name()).update();
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				// inserted a moment ago by a concurrent sync: it holds the same data
			}
		}
		stored.forEach((sub, old) -> {
			if (!present.contains(sub) && Boolean.TRUE.equals(old.get(5))) {
				jdbc.sql("update course_member set in_roster=false where context_id=? and user_sub=?").params(contextId, sub).update();
			}
		});
	}

	private SyncStatus record(long contextId, long start, String outcome, String error, int calls, int changed) {
		long end = clock.millis();
		String message = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
		int updated = jdbc.sql("update course_sync set last_started_at=?, last_finished_at=?, duration_ms=?, outcome=?, error=?, requests=?, changed_results=?, last_activity_at=case when ? > 0 then ? else last_activity_at end where context_id=?")
				.params(start, end, end - start, outcome, message, calls, changed, changed, end, contextId).update();
		if (updated == 0 && courses.context(contextId).isPresent()) {
			try {
				jdbc.sql("insert into course_sync (context_id, last_started_at, last_finished_at, duration_ms, outcome, error, requests, changed_results, last_activity_at) values (?,?,?,?,?,?,?,?,?)")
						.params(contextId, start, end, end - start, outcome, message, calls, changed, changed > 0 ? end : null).update();
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				// a second run of this course's sync (a node Quartz believed dead was recovered) recorded first: ours is newer
				jdbc.sql("update course_sync set last_started_at=?, last_finished_at=?, duration_ms=?, outcome=?, error=?, requests=?, changed_results=? where context_id=?")
						.params(start, end, end - start, outcome, message, calls, changed, contextId).update();
			}
		}
		return new SyncStatus(contextId, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), end - start, outcome, message,
				calls, changed);
	}

	private static Instant instant(Object millis) {
		return millis instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null;
	}

	static String sha256(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String cut(String s) {
		return s == null ? null : s.length() > 255 ? s.substring(0, 255) : s;
	}

	private static String cut2048(String s) {
		return s.length() > 2048 ? s.substring(0, 2048) : s;
	}
}
