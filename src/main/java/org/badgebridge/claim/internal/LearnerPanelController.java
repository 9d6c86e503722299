package org.badgebridge.claim.internal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.access.BadgeLearner;
import org.badgebridge.award.ApprovalWorkflow;
import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.award.LearnerProgress;
import org.badgebridge.claim.ClaimMails;
import org.badgebridge.claim.Claims;
import org.badgebridge.claim.EmailConfirmations;
import org.badgebridge.web.InvalidInput;
import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;

/**
 * The learner's badge panel inside the course: what it takes, their own progress (refreshed first), claiming their
 * award right there (the same operation as the mailed claim link), approval requests, and the email address for the
 * claim mail when the LMS shares none. A learner sees and acts on their own data only: every handler receives the
 * {@link BadgeLearner} of the request's session.
 */
@Controller
class LearnerPanelController {

	private final Awards awards;

	private final LearnerProgress progress;

	private final ApprovalWorkflow workflow;

	private final EmailConfirmations emails;

	private final ClaimMails claimMails;

	private final Claims claims;

	private final PanelView view;

	private final MessageSource messages;

	private final Notices notices;

	LearnerPanelController(Awards awards, LearnerProgress progress, ApprovalWorkflow workflow, EmailConfirmations emails,
			ClaimMails claimMails, Claims claims, PanelView view, MessageSource messages, Notices notices) {
		this.awards = awards;
		this.progress = progress;
		this.workflow = workflow;
		this.emails = emails;
		this.claimMails = claimMails;
		this.claims = claims;
		this.view = view;
		this.messages = messages;
		this.notices = notices;
	}

	@GetMapping("/lti/learn/badges/{badge}")
	String panel(BadgeLearner learner, Model model) {
		boolean fresh = progress.refresh(learner.contextId(), learner.userSub(), learner.badge().active());
		view.fill(learner, fresh, model);
		return "claim/panel";
	}

	/** "Claim your badge" in the panel: the learner's own award, claimed as the mailed link would. */
	@PostMapping("/lti/learn/badges/{badge}/claim")
	String claim(BadgeLearner learner) {
		return act(learner, () -> {
			Award award = ownAward(learner);
			if (award.revoked()) {
				return Notice.error(text("learning.panel.notice.revoked"));
			}
			if (awards.recipientEmail(award) == null) {
				return Notice.error(text("learning.panel.notice.email-first"));
			}
			claims.claim(award.id());
			return Notice.info(text("learning.panel.notice.claimed"));
		});
	}

	@PostMapping("/lti/learn/badges/{badge}/approval-requests")
	String requestApproval(BadgeLearner learner, @RequestParam(required = false) String criterion,
			@RequestParam(required = false) String evidence) {
		return act(learner, () -> {
			workflow.ask(learner.badge(), learner.contextId(), learner.userSub(), criterion, evidence);
			return Notice.info(text("learning.panel.notice.approval-asked"));
		});
	}

	@PostMapping("/lti/learn/badges/{badge}/email")
	String email(BadgeLearner learner, @RequestParam(required = false) String email) {
		return act(learner, () -> {
			if (email == null || email.isBlank()) {
				throw new InvalidInput("email", text("learning.panel.notice.email-missing"));
			}
			emails.start(learner.contextId(), learner.userSub(), email);
			return Notice.info(text("learning.panel.notice.code-sent", email.trim()));
		});
	}

	@PostMapping("/lti/learn/badges/{badge}/email/confirm")
	String confirmEmail(BadgeLearner learner, @RequestParam(required = false) String code) {
		return act(learner, () -> {
			emails.confirm(learner.contextId(), learner.userSub(), code == null ? "" : code);
			return Notice.info(text("learning.panel.notice.email-confirmed"));
		});
	}

	@PostMapping("/lti/learn/badges/{badge}/resend")
	String resend(BadgeLearner learner) {
		return act(learner, () -> {
			Award award = ownAward(learner);
			if (!claimMails.resend(award.id())) {
				return Notice.error(text("learning.panel.notice.no-address"));
			}
			return Notice.info(text("learning.panel.notice.resent"));
		});
	}

	private Award ownAward(BadgeLearner learner) {
		return awards.forLearner(learner.badgeId(), learner.contextId(), learner.userSub())
				.orElseThrow(() -> new IllegalArgumentException(text("learning.panel.notice.no-award")));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private String act(BadgeLearner learner, java.util.function.Supplier<Notice> action) {
		Notice notice;
		try {
			notice = action.get();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			notice = notices.refusal(ex);
		}
		return notices.redirect("/lti/learn/badges/" + learner.badgeId(), notice);
	}
}
