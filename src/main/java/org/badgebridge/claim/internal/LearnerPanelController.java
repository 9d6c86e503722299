package org.badgebridge.claim.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.access.BadgeLearner;
import org.badgebridge.award.ApprovalWorkflow;
import org.badgebridge.award.Approvals;
import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.award.LearnerProgress;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgeImages;
import org.badgebridge.claim.ClaimMails;
import org.badgebridge.claim.EmailConfirmations;
import org.badgebridge.course.CourseData;
import org.badgebridge.course.CourseSyncs;
import org.badgebridge.web.InvalidInput;
import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;

/**
 * The learner's badge panel inside the course: their own progress (refreshed first), their award and its claim mail,
 * approval requests, and the email address for the claim mail when the LMS shares none. A learner sees and acts on
 * their own data only: every handler receives the {@link BadgeLearner} of the request's session.
 */
@Controller
class LearnerPanelController {

	private final Awards awards;

	private final LearnerProgress progress;

	private final CourseSyncs syncs;

	private final CourseData courseData;

	private final Approvals approvals;

	private final ApprovalWorkflow workflow;

	private final EmailConfirmations emails;

	private final ClaimMails claimMails;

	private final BadgeImages images;

	private final Notices notices;

	LearnerPanelController(Awards awards, LearnerProgress progress, CourseSyncs syncs, CourseData courseData,
			Approvals approvals, ApprovalWorkflow workflow, EmailConfirmations emails, ClaimMails claimMails,
			BadgeImages images, Notices notices) {
		this.awards = awards;
		this.progress = progress;
		this.syncs = syncs;
		this.courseData = courseData;
		this.approvals = approvals;
		this.workflow = workflow;
		this.emails = emails;
		this.claimMails = claimMails;
		this.images = images;
		this.notices = notices;
	}

	@GetMapping("/lti/learn/badges/{badge}")
	String panel(BadgeLearner learner, Model model) {
		BadgeClass badge = learner.badge();
		long contextId = learner.contextId();
		String userSub = learner.userSub();
		boolean fresh = progress.refresh(contextId, userSub, badge.active());
		model.addAttribute("badge", badge);
		model.addAttribute("imageUrl", images.exists(badge.id()) ? "/badges/" + badge.id() + "/image" : null);
		model.addAttribute("displayName", learner.displayName());
		model.addAttribute("fresh", fresh);
		model.addAttribute("standing", awards.standing(badge, userSub).orElse(null));
		model.addAttribute("award", awards.forLearner(badge.id(), contextId, userSub).orElse(null));
		model.addAttribute("sync", syncs.status(contextId).orElse(null));
		model.addAttribute("approvalCriteria", badge.hasCriteria() ? badge.criteria().approvals() : List.of());
		Map<String, Approvals.Request> requests = new HashMap<>();
		approvals.forLearner(badge.id(), contextId, userSub).forEach(r -> requests.put(r.criterionKey(), r));
		model.addAttribute("approvalRequests", requests);
		model.addAttribute("needsEmail", courseData.member(contextId, userSub).map(m -> m.email() == null).orElse(true));
		model.addAttribute("codeSent", emails.pending(contextId, userSub));
		return "claim/panel";
	}

	@PostMapping("/lti/learn/badges/{badge}/approval-requests")
	String requestApproval(BadgeLearner learner, @RequestParam(required = false) String criterion,
			@RequestParam(required = false) String evidence) {
		return act(learner, () -> {
			workflow.ask(learner.badge(), learner.contextId(), learner.userSub(), criterion, evidence);
			return Notice.info("Your request was sent to your teacher.");
		});
	}

	@PostMapping("/lti/learn/badges/{badge}/email")
	String email(BadgeLearner learner, @RequestParam(required = false) String email) {
		return act(learner, () -> {
			if (email == null || email.isBlank()) {
				throw new InvalidInput("email", "Give your email address.");
			}
			emails.start(learner.contextId(), learner.userSub(), email);
			return Notice.info("We sent a code to " + email.trim() + ". Enter it below.");
		});
	}

	@PostMapping("/lti/learn/badges/{badge}/email/confirm")
	String confirmEmail(BadgeLearner learner, @RequestParam(required = false) String code) {
		return act(learner, () -> {
			emails.confirm(learner.contextId(), learner.userSub(), code == null ? "" : code);
			return Notice.info("Your email address is confirmed.");
		});
	}

	@PostMapping("/lti/learn/badges/{badge}/resend")
	String resend(BadgeLearner learner) {
		return act(learner, () -> {
			Award award = awards.forLearner(learner.badgeId(), learner.contextId(), learner.userSub())
					.orElseThrow(() -> new IllegalArgumentException("You have no award of this badge yet."));
			if (!claimMails.resend(award.id())) {
				throw new IllegalStateException("No mail could be sent: the LMS shares no email address for you.");
			}
			return Notice.info("A new claim link is on its way (the previous one no longer works).");
		});
	}

	private String act(BadgeLearner learner, java.util.function.Supplier<Notice> action) {
		Notice notice;
		try {
			notice = action.get();
		}
		catch (InvalidInput ex) {
			notice = ex.notice();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			notice = Notice.error(ex.getMessage());
		}
		return notices.redirect("/lti/learn/badges/" + learner.badgeId(), notice);
	}
}
