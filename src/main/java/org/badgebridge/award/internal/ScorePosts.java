package org.badgebridge.award.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.badgebridge.course.CourseData;
import org.badgebridge.course.Courses;
import org.badgebridge.lms.AgsClient;
import org.badgebridge.infrastructure.Correlation;
import org.badgebridge.lms.LmsCallFailed;
import org.badgebridge.lms.PlatformBusy;
import org.badgebridge.lms.Score;
import org.badgebridge.platform.Registrations;

/**
 * What the LMS gradebook is told about an award, exactly once per state change. A change is recorded in the
 * transaction that makes it, with the score's timestamp: the change's time, and at least one second after the
 * award's previous score (Moodle compares whole seconds and answers 409 to a timestamp that is not newer). A
 * delivery posts a recorded score only if it claims the row (nobody posted it, nobody is posting it now) and no
 * later change of the award is recorded: a late or repeated "earned" after a revocation posts nothing, and if it
 * reached the LMS anyway, its older timestamp loses there.
 */
@Component
public class ScorePosts {

	/** The award's state the LMS is told: "earned" (1 of 1) or no grade at all. */
	public enum Change {
		EARNED, REVOKED, SUSPENDED, REINSTATED;

		boolean earned() {
			return this == EARNED || this == REINSTATED;
		}
	}

	private static final Logger log = LoggerFactory.getLogger(ScorePosts.class);

	private static final long SECOND = 1000;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CourseData courseData;

	private final Courses courses;

	private final Registrations registrations;

	private final AgsClient ags;

	private final Duration staleAfter;

	private final ScorePostLanes lanes;

	ScorePosts(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, CourseData courseData, Courses courses,
			Registrations registrations, AgsClient ags, @Value("${badgebridge.events.stale-after:15m}") Duration staleAfter,
			ScorePostLanes lanes) {
		this.lanes = lanes;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.courseData = courseData;
		this.courses = courses;
		this.registrations = registrations;
		this.ags = ags;
		this.staleAfter = staleAfter;
	}

	/** Records "earned" for a new award (its {@code BadgeAwarded} event posts it), in the award's transaction. */
	public void recordEarned(String awardId, long awardedAt) {
		insert(awardId, Change.EARNED, awardedAt);
	}

	/** Records a later change (in the caller's transaction) and publishes the event that posts it. */
	public void record(String awardId, Change change, long changedAt) {
		long last = jdbc.sql("select coalesce(max(score_at), 0) from award_score_post where award_id=?").param(awardId)
				.query(Long.class).single();
		long awardedAt = jdbc.sql("select awarded_at from award where id=?").param(awardId).query(Long.class).single();
		long scoreAt = Math.max(changedAt, Math.max(last, awardedAt) + SECOND);
		insert(awardId, change, scoreAt);
		events.publishEvent(new ScoreChanged(awardId, scoreAt));
	}

	/**
	 * Queues {@link #postEarned(String)} in the lane of the award's platform ({@link ScorePostLanes}: a bounded number
	 * of posts at once per platform, paused while it asks to wait); the future completes when the post is done.
	 */
	public CompletableFuture<Void> postEarnedLater(String awardId, String correlationId) {
		return lanes.submit(() -> platformOf(awardId), awardId + ":earned", () -> {
			try (var correlation = Correlation.open(correlationId)) {
				postEarned(awardId);
			}
		});
	}

	/** Queues {@link #post(String, long)} in the lane of the award's platform, as {@link #postEarnedLater}. */
	public CompletableFuture<Void> postLater(String awardId, long scoreAt) {
		return lanes.submit(() -> platformOf(awardId), awardId + ":" + scoreAt, () -> post(awardId, scoreAt));
	}

	/** The award's platform (its registration's id), the lane its posts go through. */
	private String platformOf(String awardId) {
		return jdbc.sql("select context_id from award where id=?").param(awardId).query(Long.class).optional()
				.flatMap(courses::context).map(context -> String.valueOf(context.registrationId())).orElse("none");
	}

	/** Posts the "earned" of an award (recorded at award time; for an award older than this record, recorded now). */
	public void postEarned(String awardId) {
		Optional<Long> earnedAt = jdbc.sql("select score_at from award_score_post where award_id=? and state='EARNED' order by score_at")
				.param(awardId).query(Long.class).list().stream().findFirst();
		if (earnedAt.isEmpty()) {
			long awardedAt = jdbc.sql("select awarded_at from award where id=?").param(awardId).query(Long.class).single();
			try {
				insert(awardId, Change.EARNED, awardedAt);
			}
			catch (DuplicateKeyException ex) {
				// recorded by a concurrent delivery
			}
			earnedAt = Optional.of(awardedAt);
		}
		post(awardId, earnedAt.get());
	}

	/**
	 * Posts the score recorded for {@code scoreAt}, unless it was posted, is being posted by another delivery,
	 * or a later change is recorded. A refusal for good (4xx) is recorded and not retried; anything else is thrown,
	 * so that the event publication stays incomplete and is resubmitted. A platform asking to wait ({@link PlatformBusy})
	 * leaves the score to be posted (PENDING) and is thrown: its lane pauses and posts it again.
	 */
	public void post(String awardId, long scoreAt) {
		String state = jdbc.sql("select state from award_score_post where award_id=? and score_at=?").params(awardId, scoreAt)
				.query(String.class).optional().orElse(null);
		if (state == null) {
			return;
		}
		if (jdbc.sql("select count(*) from award_score_post where award_id=? and score_at>?").params(awardId, scoreAt)
				.query(Integer.class).single() > 0) {
			jdbc.sql("update award_score_post set status='SUPERSEDED' where award_id=? and score_at=? and status in ('PENDING','FAILED')")
					.params(awardId, scoreAt).update();
			return;
		}
		long now = clock.millis();
		int claimed = jdbc.sql("""
				update award_score_post set status='POSTING', started_at=? where award_id=? and score_at=?
				 and (status in ('PENDING','FAILED') or (status='POSTING' and started_at<?))""")
				.params(now, awardId, scoreAt, now - staleAfter.toMillis()).update();
		if (claimed == 0) {
			return; // posted, or being posted by another delivery
		}
		Change change = Change.valueOf(state);
		try {
			Outcome outcome = send(awardId, change, Instant.ofEpochMilli(scoreAt));
			answer(awardId, scoreAt, outcome.status(), outcome.lmsAnswer());
			log.info("Score of award {} ({}) written back: {}", awardId, change, outcome.status());
		}
		catch (PlatformBusy busy) {
			answer(awardId, scoreAt, "PENDING", busy.getMessage());
			throw busy;
		}
		catch (LmsCallFailed ex) {
			answer(awardId, scoreAt, ex.permanent() ? "REFUSED" : "FAILED", ex.getMessage());
			if (!ex.permanent()) {
				throw ex;
			}
			log.warn("The LMS refused the score of award {} ({}): {}", awardId, change, ex.getMessage());
		}
		catch (RuntimeException ex) {
			answer(awardId, scoreAt, "FAILED", ex.toString());
			throw ex;
		}
	}

	private record Outcome(String status, String lmsAnswer) {
	}

	private record Learner(String badgeId, long contextId, String userSub) {
	}

	private Outcome send(String awardId, Change change, Instant timestamp) {
		Learner award = jdbc.sql("select badge_id, context_id, user_sub from award where id=?").param(awardId)
				.query((rs, i) -> new Learner(rs.getString(1), rs.getLong(2), rs.getString(3))).single();
		Optional<String> lineItem = courseData.badgeLinkLineItem(award.contextId(), award.badgeId());
		if (lineItem.isEmpty()) {
			return new Outcome("SKIPPED", "the badge has no gradebook column");
		}
		var context = courses.context(award.contextId()).orElseThrow();
		var registration = registrations.find(context.registrationId()).orElseThrow();
		Score score = change.earned() ? Score.earned(award.userSub(), timestamp) : Score.cleared(award.userSub(), timestamp);
		int status = ags.postScore(registration, lineItem.get(), score);
		return new Outcome("POSTED", "HTTP " + status + (status == 409 ? ": the LMS keeps a newer grade (a teacher's override)" : ""));
	}

	private void answer(String awardId, long scoreAt, String status, String lmsAnswer) {
		String text = lmsAnswer == null ? null : lmsAnswer.length() > 1000 ? lmsAnswer.substring(0, 1000) : lmsAnswer;
		jdbc.sql("update award_score_post set status=?, answered_at=?, lms_answer=? where award_id=? and score_at=?")
				.params(status, clock.millis(), text, awardId, scoreAt).update();
	}

	private void insert(String awardId, Change change, long scoreAt) {
		jdbc.sql("insert into award_score_post (award_id, score_at, state, status) values (?,?,?,'PENDING')")
				.params(awardId, scoreAt, change.name()).update();
	}
}
