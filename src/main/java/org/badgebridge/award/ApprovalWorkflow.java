package org.badgebridge.award;

import org.springframework.stereotype.Service;

import org.badgebridge.badge.BadgeClass;

/**
 * Approval criteria from both sides: a learner asks (only for an approval criterion the badge has), a teacher
 * decides; an approval may complete the learner's criteria, so the learner is evaluated at once (and awarded if
 * they now qualify).
 */
@Service
public class ApprovalWorkflow {

	private final Approvals approvals;

	private final Awards awards;

	ApprovalWorkflow(Approvals approvals, Awards awards) {
		this.approvals = approvals;
		this.awards = awards;
	}

	/** A learner asks for the teacher's approval of one of the badge's approval criteria. */
	public Approvals.Request ask(BadgeClass badge, long contextId, String userSub, String criterion, String evidence) {
		if (!badge.hasCriteria() || badge.criteria().approvals().stream().noneMatch(a -> a.key().equals(criterion))) {
			throw new AwardRefused("There is no such approval to ask for.", "common.error.award.noSuchApproval");
		}
		return approvals.request(badge.id(), contextId, userSub, criterion, evidence);
	}

	/** Decides a request of this badge and course; a request of any other is refused as unknown. */
	public Approvals.Request decide(String badgeId, long contextId, String requestId, boolean approve, String teacher,
			String note) {
		Approvals.Request request = approvals.byId(requestId == null ? "" : requestId)
				.filter(r -> r.badgeId().equals(badgeId) && r.contextId() == contextId)
				.orElseThrow(() -> new IllegalArgumentException("That request is not of this badge and course."));
		Approvals.Request decided = approvals.decide(request.id(), approve, teacher, note);
		if (approve) {
			awards.evaluateLearner(contextId, request.userSub());
		}
		return decided;
	}
}
