package org.badgebridge.teaching.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.access.BadgeTeacher;
import org.badgebridge.access.ManagedAward;
import org.badgebridge.award.ApprovalWorkflow;
import org.badgebridge.award.Awards;
import org.badgebridge.claim.ClaimMails;
import org.badgebridge.course.CourseSyncs;
import org.badgebridge.web.InvalidInput;
import org.badgebridge.web.Notice;

/**
 * What a teacher does about the course's learners: sync now, award by hand, revoke, suspend or reinstate, decide
 * approval requests, send the claim mail again. Awards named by a request are resolved as {@link ManagedAward}s of
 * this badge and course before a handler runs.
 */
@Controller
class LearnersController {

	private final CourseSyncs syncs;

	private final Awards awards;

	private final ApprovalWorkflow decisions;

	private final ClaimMails claimMails;

	private final TeacherActions actions;

	LearnersController(CourseSyncs syncs, Awards awards, ApprovalWorkflow decisions, ClaimMails claimMails, TeacherActions actions) {
		this.syncs = syncs;
		this.awards = awards;
		this.decisions = decisions;
		this.claimMails = claimMails;
		this.actions = actions;
	}

	@PostMapping("/lti/teach/badges/{badge}/sync")
	String syncNow(BadgeTeacher teacher) {
		syncs.syncNow(teacher.contextId());
		return actions.back(teacher, Notice.info("Sync started."));
	}

	@PostMapping("/lti/teach/badges/{badge}/award")
	String award(BadgeTeacher teacher, @RequestParam(required = false) String learner,
			@RequestParam(required = false) String reason) {
		return actions.act(teacher, () -> {
			if (learner == null || learner.isBlank()) {
				throw new InvalidInput("learner", "Choose a learner.");
			}
			awards.awardByHand(teacher.badgeId(), learner, teacher.actor(), reason);
			return Notice.info("Awarded.");
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/revoke")
	String revoke(ManagedAward managed, @RequestParam(required = false) String reason) {
		BadgeTeacher teacher = managed.teacher();
		return actions.act(teacher, () -> {
			if (reason == null || reason.isBlank()) {
				throw new InvalidInput("reason", "Say why you revoke the badge: the learner is told.");
			}
			awards.revoke(managed.award().id(), teacher.actor(), reason);
			return Notice.info("Revoked.");
		});
	}

	/** Suspends an award (its credential reads "suspended" until reinstated) or reinstates it. */
	@PostMapping("/lti/teach/badges/{badge}/suspension")
	String suspension(ManagedAward managed, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String suspend) {
		BadgeTeacher teacher = managed.teacher();
		return actions.act(teacher, () -> {
			if ("true".equals(suspend)) {
				awards.suspend(managed.award().id(), teacher.actor(), reason);
				return Notice.info("Suspended: verifiers now see the credential as suspended.");
			}
			awards.reinstate(managed.award().id(), teacher.actor());
			return Notice.info("Reinstated.");
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/approvals/{request}")
	String decide(BadgeTeacher teacher, @PathVariable String request, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String note) {
		return actions.act(teacher, () -> {
			boolean approve = "approve".equals(decision);
			decisions.decide(teacher.badgeId(), teacher.contextId(), request, approve, teacher.actor(), note);
			return Notice.info(approve ? "Approved." : "Denied.");
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/resend")
	String resend(ManagedAward managed) {
		boolean sent = claimMails.resend(managed.award().id());
		return actions.back(managed.teacher(), sent
				? Notice.info("A new claim link is on its way (the previous one no longer works).")
				: Notice.error("No mail could be sent: the LMS shares no email address for this learner."));
	}

}
