package org.badgebridge.award;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval criteria: a learner asks for a teacher's approval with a short evidence note or URL; a teacher
 * approves or denies. Every request and decision is in the award log with who, when and why.
 */
@Service
public class Approvals {

	public enum Status {
		PENDING, APPROVED, DENIED
	}

	public record Request(String id, String badgeId, long contextId, String userSub, String criterionKey, String evidence,
			Status status, Instant requestedAt, String decidedBy, String decisionNote) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	public Approvals(JdbcClient jdbc, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** A learner asks (again, after a denial). Evidence: at most 1000 characters of note or an http(s) URL. */
	@Transactional
	public Request request(String badgeId, long contextId, String userSub, String criterionKey, String evidence) {
		String e = evidence == null ? "" : evidence.trim();
		if (e.length() > 1000) {
			throw new AwardRefused("The evidence note is at most 1000 characters.", "common.error.award.evidenceLength");
		}
		if (e.matches("(?i)^[a-z]+:.*") && !e.matches("(?i)^https?://\\S+$")) {
			throw new AwardRefused("A link must be an http(s) URL.", "common.error.award.evidenceLink");
		}
		long now = clock.millis();
		int updated = jdbc.sql("update approval_request set evidence=?, status='PENDING', requested_at=?, decided_at=null, decided_by=null, decision_note=null where badge_id=? and context_id=? and user_sub=? and criterion_key=? and status <> 'APPROVED'")
				.params(e, now, badgeId, contextId, userSub, criterionKey).update();
		if (updated == 0 && find(badgeId, contextId, userSub, criterionKey).isEmpty()) {
			jdbc.sql("insert into approval_request (id, badge_id, context_id, user_sub, criterion_key, evidence, status, requested_at) values (?,?,?,?,?,?,'PENDING',?)")
					.params(UUID.randomUUID().toString(), badgeId, contextId, userSub, criterionKey, e, now).update();
		}
		log(badgeId, userSub, "APPROVAL_REQUESTED", "learner:" + userSub, e);
		return find(badgeId, contextId, userSub, criterionKey).orElseThrow();
	}

	@Transactional
	public Request decide(String requestId, boolean approve, String teacher, String note) {
		Request r = byId(requestId).orElseThrow(() -> new IllegalArgumentException("No approval request " + requestId));
		if (!approve && (note == null || note.isBlank())) {
			throw new AwardRefused("Say why you deny the request: the learner sees it.", "common.error.award.denyReason");
		}
		jdbc.sql("update approval_request set status=?, decided_at=?, decided_by=?, decision_note=? where id=?")
				.params(approve ? "APPROVED" : "DENIED", clock.millis(), teacher, note, requestId).update();
		log(r.badgeId(), r.userSub(), approve ? "APPROVED" : "DENIED", teacher, note);
		events.publishEvent(new ApprovalDecided(r.id(), r.badgeId(), r.contextId(), r.userSub(), r.criterionKey(), approve, teacher, note));
		return byId(requestId).orElseThrow();
	}

	/** Every learner's approved criterion keys for a badge, in one query. */
	public java.util.Map<String, Set<String>> approvedKeysByLearner(String badgeId, long contextId) {
		java.util.Map<String, Set<String>> byLearner = new java.util.HashMap<>();
		jdbc.sql("select user_sub, criterion_key from approval_request where badge_id=? and context_id=? and status='APPROVED'")
				.params(badgeId, contextId)
				.query(rs -> {
					byLearner.computeIfAbsent(rs.getString(1), u -> new HashSet<>()).add(rs.getString(2));
				});
		return byLearner;
	}

	public List<Request> pending(String badgeId, long contextId) {
		return jdbc.sql("select * from approval_request where badge_id=? and context_id=? and status='PENDING' order by requested_at")
				.params(badgeId, contextId).query(this::row).list();
	}

	public List<Request> forLearner(String badgeId, long contextId, String userSub) {
		return jdbc.sql("select * from approval_request where badge_id=? and context_id=? and user_sub=?")
				.params(badgeId, contextId, userSub).query(this::row).list();
	}

	public Optional<Request> byId(String id) {
		return jdbc.sql("select * from approval_request where id=?").param(id).query(this::row).optional();
	}

	private Optional<Request> find(String badgeId, long contextId, String userSub, String key) {
		return jdbc.sql("select * from approval_request where badge_id=? and context_id=? and user_sub=? and criterion_key=?")
				.params(badgeId, contextId, userSub, key).query(this::row).optional();
	}

	private void log(String badgeId, String userSub, String action, String actor, String reason) {
		jdbc.sql("insert into award_log (award_id, badge_id, user_sub, action, actor, reason, at) values (null,?,?,?,?,?,?)")
				.params(badgeId, userSub, action, actor, reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason,
						clock.millis()).update();
	}

	private Request row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Request(rs.getString("id"), rs.getString("badge_id"), rs.getLong("context_id"), rs.getString("user_sub"),
				rs.getString("criterion_key"), rs.getString("evidence"), Status.valueOf(rs.getString("status")),
				Instant.ofEpochMilli(rs.getLong("requested_at")), rs.getString("decided_by"), rs.getString("decision_note"));
	}
}
