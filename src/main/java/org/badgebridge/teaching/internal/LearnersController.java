package org.badgebridge.teaching.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

	private final java.time.Clock clock;

	LearnersController(CourseSyncs syncs, Awards awards, ApprovalWorkflow decisions, ClaimMails claimMails, TeacherActions actions,
			java.time.Clock clock) {
		this.clock = clock;
		this.syncs = syncs;
		this.awards = awards;
		this.decisions = decisions;
		this.claimMails = claimMails;
		this.actions = actions;
	}

	@PostMapping("/lti/teach/badges/{badge}/sync")
	String syncNow(BadgeTeacher teacher) {
		long since = clock.millis();
		syncs.syncNow(teacher.contextId());
		return actions.backWhileSyncing(teacher, since, actions.info("teaching.notice.syncStarted"));
	}

	@PostMapping("/lti/teach/badges/{badge}/award")
	String award(BadgeTeacher teacher, @RequestParam(required = false) String learner,
			@RequestParam(required = false) String reason) {
		return actions.act(teacher, () -> {
			if (learner == null || learner.isBlank()) {
				throw new InvalidInput("learner", actions.text("teaching.error.learner"));
			}
			awards.awardByHand(teacher.badgeId(), learner, teacher.actor(), reason);
			return actions.info("teaching.notice.awarded");
		});
	}

	/** Revoking asks first: who, that the learner is told the reason, and that the public page will say "revoked". */
	@GetMapping("/lti/teach/badges/{badge}/revoke")
	String confirmRevoke(ManagedAward managed, Model model) {
		model.addAttribute("badge", managed.teacher().badge());
		model.addAttribute("award", managed.award());
		return "teaching/revoke";
	}

	@PostMapping("/lti/teach/badges/{badge}/revoke")
	String revoke(ManagedAward managed, @RequestParam(required = false) String reason) {
		BadgeTeacher teacher = managed.teacher();
		boolean blank = reason == null || reason.isBlank();
		return actions.act(teacher, blank ? "revoke?award=" + managed.award().id() : null, () -> {
			if (reason == null || reason.isBlank()) {
				throw new InvalidInput("reason", actions.text("teaching.error.revokeReason"));
			}
			awards.revoke(managed.award().id(), teacher.actor(), reason);
			return actions.info("teaching.notice.revoked");
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
				return actions.info("teaching.notice.suspended");
			}
			awards.reinstate(managed.award().id(), teacher.actor());
			return actions.info("teaching.notice.reinstated");
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/approvals/{request}")
	String decide(BadgeTeacher teacher, @PathVariable String request, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String note) {
		return actions.act(teacher, () -> {
			boolean approve = "approve".equals(decision);
			decisions.decide(teacher.badgeId(), teacher.contextId(), request, approve, teacher.actor(), note);
			return actions.info(approve ? "teaching.notice.approved" : "teaching.notice.denied");
		});
	}

	@PostMapping("/lti/teach/badges/{badge}/resend")
	String resend(ManagedAward managed) {
		if (managed.award().declined()) {
			return actions.back(managed.teacher(), Notice.error(actions.text("teaching.error.declined")));
		}
		boolean sent = claimMails.resend(managed.award().id());
		return actions.back(managed.teacher(), sent
				? actions.info("teaching.notice.resent")
				: Notice.error(actions.text("teaching.error.noEmail")));
	}

}
