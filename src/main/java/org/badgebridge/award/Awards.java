package org.badgebridge.award;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Evaluation;
import org.badgebridge.award.internal.AwardRows;
import org.badgebridge.award.internal.AwardWriter;
import org.badgebridge.award.internal.ScorePosts;
import org.badgebridge.course.CourseData;

/** Awards: evaluation of a course's learners, awarding exactly once, manual award and revocation. */
@Service
public class Awards {

	private static final Logger log = LoggerFactory.getLogger(Awards.class);

	private final JdbcClient jdbc;

	private final Badges badges;

	private final CourseData courseData;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AwardWriter writer;

	private final Approvals approvals;

	private final ScorePosts scorePosts;

	private final AwardRows rows;

	private final AwardHolds holds;

	public Awards(JdbcClient jdbc, Badges badges, CourseData courseData, ApplicationEventPublisher events, Clock clock,
			AwardWriter writer, Approvals approvals, ScorePosts scorePosts, AwardRows rows, AwardHolds holds) {
		this.rows = rows;
		this.holds = holds;
		this.writer = writer;
		this.scorePosts = scorePosts;
		this.approvals = approvals;
		this.jdbc = jdbc;
		this.badges = badges;
		this.courseData = courseData;
		this.events = events;
		this.clock = clock;
	}

	/** A learner's standing for one badge: the evaluation and the award, if any. */
	public record Standing(CourseData.Member member, Evaluation.Outcome outcome, Award award, java.time.Instant lastResultAt) {
	}

	/** Every active learner of the course against the badge, from the last complete sync's data. */
	public List<Standing> standings(BadgeClass badge) {
		return standings(badge, null);
	}

	/** One learner's standing (reading only that learner's results), or empty if not an active learner. */
	public Optional<Standing> standing(BadgeClass badge, String userSub) {
		return standings(badge, userSub).stream().findFirst();
	}

	private List<Standing> standings(BadgeClass badge, String onlyUser) {
		Map<String, Map<String, CourseData.ColumnResult>> results = courseData.results(badge.contextId(), onlyUser);
		Map<String, Award> awards = new HashMap<>();
		forBadge(badge.id()).forEach(a -> awards.put(a.userSub(), a));
		Map<String, Set<String>> approved = badge.hasCriteria() && hasApproval(badge.criteria().root())
				? approvals.approvedKeysByLearner(badge.id(), badge.contextId()) : Map.of();
		List<CourseData.Member> members = onlyUser == null ? courseData.members(badge.contextId())
				: courseData.member(badge.contextId(), onlyUser).stream().toList();
		return members.stream().filter(CourseData.Member::activeLearner)
				.map(m -> new Standing(m, badge.hasCriteria() ? evaluate(badge, results.get(m.userSub()),
						approved.getOrDefault(m.userSub(), Set.of()))
						: null, awards.get(m.userSub()), lastResult(results.get(m.userSub()))))
				.toList();
	}

	/**
	 * Awards every learner who now meets an active badge's criteria. Called after a complete sync only; it
	 * never takes an award back (revocation is a teacher's decision).
	 */
	public int evaluateCourse(long contextId) {
		int awarded = 0;
		for (BadgeClass badge : badges.activeForContext(contextId)) {
			for (Standing s : standings(badge)) {
				if (s.award() == null && s.outcome() != null && s.outcome().met()) {
					if (award(badge, s.member(), "system", "Met the criteria", Evidence.of(s.outcome())).isPresent()) {
						awarded++;
					}
				}
			}
		}
		return awarded;
	}

	/** One learner against the course's active badges (after their own results were refreshed completely). */
	public int evaluateLearner(long contextId, String userSub) {
		int awarded = 0;
		for (BadgeClass badge : badges.activeForContext(contextId)) {
			Optional<Standing> s = standing(badge, userSub);
			if (s.isPresent() && s.get().award() == null && s.get().outcome() != null && s.get().outcome().met()
					&& award(badge, s.get().member(), "system", "Met the criteria", Evidence.of(s.get().outcome())).isPresent()) {
				awarded++;
			}
		}
		return awarded;
	}

	/** A teacher awards by hand. */
	public Optional<Award> awardByHand(String badgeId, String userSub, String teacher, String reason) {
		BadgeClass badge = badges.find(badgeId).orElseThrow(() -> new IllegalArgumentException("No badge " + badgeId));
		CourseData.Member member = courseData.member(badge.contextId(), userSub)
				.orElseThrow(() -> new IllegalArgumentException("No learner " + userSub + " in this course"));
		String why = reason == null || reason.isBlank() ? "Awarded by a teacher" : reason;
		return award(badge, member, teacher, why, "Awarded by a teacher: " + why);
	}

	/**
	 * Creates the award and its event in one transaction of their own; a second attempt (another node, a
	 * repeated sync) meets the unique constraint, or the other transaction's lock, and creates nothing.
	 */
	public Optional<Award> award(BadgeClass badge, CourseData.Member member, String actor, String reason, String evidence) {
		String id = UUID.randomUUID().toString();
		try {
			writer.insert(new AwardWriter.NewAward(id, badge.id(), badge.contextId(), member.userSub(), member.name(),
					member.email(), member.locale(), actor, reason, evidence));
		}
		catch (DuplicateKeyException | org.springframework.dao.PessimisticLockingFailureException
				| org.springframework.dao.QueryTimeoutException ex) {
			return Optional.empty(); // awarded by a concurrent evaluation
		}
		log.info("Badge {} awarded to {} in course {} ({})", badge.id(), member.userSub(), badge.contextId(), reason);
		return find(id);
	}

	@Transactional
	public Award revoke(String awardId, String teacher, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new AwardRefused("Say why the award is revoked: the learner is told.", "common.error.award.revokeReason");
		}
		Award award = find(awardId).orElseThrow(() -> new IllegalArgumentException("No award " + awardId));
		if (award.revoked()) {
			return award;
		}
		long now = clock.millis();
		if (jdbc.sql("update award set revoked_at=?, revoked_by=?, revoke_reason=? where id=? and revoked_at is null")
				.params(now, teacher, reason, awardId).update() == 0) {
			return find(awardId).orElseThrow(); // revoked by a concurrent request
		}
		scorePosts.record(awardId, ScorePosts.Change.REVOKED, now); // the gradebook shows no grade
		log(awardId, award.badgeId(), award.userSub(), "REVOKED", teacher, reason);
		events.publishEvent(new AwardRevoked(awardId, award.badgeId(), award.contextId(), award.userSub(), reason));
		return find(awardId).orElseThrow();
	}

	/** Where the learner of an award is reached: the address at award time, else the member's current one; null if none. */
	public String recipientEmail(Award award) {
		String email = award.recipientEmail() != null ? award.recipientEmail()
				: courseData.member(award.contextId(), award.userSub()).map(CourseData.Member::email).orElse(null);
		return email == null || email.isBlank() ? null : email;
	}

	/** The learner accepted the award (through a link that proved control of their address): told once. */
	@Transactional
	public void markClaimed(String awardId) {
		if (jdbc.sql("update award set claimed_at=? where id=? and claimed_at is null").params(clock.millis(), awardId).update() == 1) {
			Award award = find(awardId).orElseThrow();
			log(awardId, award.badgeId(), award.userSub(), "CLAIMED", award.userSub(), null);
			events.publishEvent(new AwardClaimed(awardId, award.badgeId(), award.userSub()));
		}
	}

	/** The learner shows (or hides) their name and the evidence in the award's public data. */
	@Transactional
	public void setPublic(String awardId, boolean visible) {
		Award award = find(awardId).orElseThrow(() -> new IllegalArgumentException("No award " + awardId));
		jdbc.sql("update award set public_visible=? where id=?").params(visible, awardId).update();
		log(awardId, award.badgeId(), award.userSub(), visible ? "MADE_PUBLIC" : "MADE_PRIVATE", award.userSub(), null);
	}

	/** Suspends an award for now: see {@link AwardHolds#suspend}. */
	public Award suspend(String awardId, String teacher, String reason) {
		return holds.suspend(awardId, teacher, reason);
	}

	/** Lifts an award's suspension: see {@link AwardHolds#reinstate}. */
	public Award reinstate(String awardId, String teacher) {
		return holds.reinstate(awardId, teacher);
	}

	public Optional<Award> find(String id) {
		return rows.find(id);
	}

	/** Every revoked award, oldest revocation first (revocation lists and status lists are made from them). */
	public List<Award> revoked() {
		return jdbc.sql("select * from award where revoked_at is not null order by revoked_at").query(AwardRows::row).list();
	}

	/** Every award suspended now. */
	public List<Award> suspended() {
		return jdbc.sql("select * from award where suspended_at is not null").query(AwardRows::row).list();
	}

	/**
	 * The stable salt of the award's hashed recipient identity (credentials hash the learner's address with it),
	 * made on first use; the award owns it so that its row stays this module's alone.
	 */
	public String recipientSalt(String awardId) {
		return writer.recipientSalt(awardId);
	}

	public List<Award> forBadge(String badgeId) {
		return jdbc.sql("select * from award where badge_id=? order by awarded_at").param(badgeId).query(AwardRows::row).list();
	}

	public List<Award> forLearnerInCourse(long contextId, String userSub) {
		return jdbc.sql("select * from award where context_id=? and user_sub=?").params(contextId, userSub).query(AwardRows::row).list();
	}

	public Optional<Award> forLearner(String badgeId, long contextId, String userSub) {
		return jdbc.sql("select * from award where badge_id=? and context_id=? and user_sub=?").params(badgeId, contextId, userSub)
				.query(AwardRows::row).optional();
	}

	private static java.time.Instant lastResult(Map<String, CourseData.ColumnResult> results) {
		return results == null ? null : results.values().stream().map(CourseData.ColumnResult::resultAt)
				.filter(java.util.Objects::nonNull).max(java.util.Comparator.naturalOrder()).orElse(null);
	}

	static boolean hasApproval(org.badgebridge.badge.Criterion c) {
		return c instanceof org.badgebridge.badge.Criterion.Approval || (c instanceof org.badgebridge.badge.Criterion.Group g
				&& g.children().stream().anyMatch(Awards::hasApproval));
	}

	private Evaluation.Outcome evaluate(BadgeClass badge, Map<String, CourseData.ColumnResult> results, Set<String> approved) {
		Map<String, Evaluation.ColumnResult> byColumn = new HashMap<>();
		if (results != null) {
			results.forEach((url, r) -> byColumn.put(url, new Evaluation.ColumnResult(r.score(), r.maximum(), r.resultAt())));
		}
		return Evaluation.evaluate(badge.criteria(), byColumn, approved);
	}

	private void log(String awardId, String badgeId, String userSub, String action, String actor, String reason) {
		rows.log(awardId, badgeId, userSub, action, actor, reason);
	}
}
