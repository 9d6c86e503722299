package org.badgebridge.teaching.internal;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.InvalidBadgeException;
import org.badgebridge.launch.DeepLinking;
import org.badgebridge.launch.DeepLinkingTeacher;
import org.badgebridge.web.AccessRefused;

/**
 * Adding a badge to the course by Deep Linking: the teacher picks a badge of the course or creates one, and the
 * platform receives one resource link carrying the badge's id and a "badge earned" column (score maximum 1).
 */
@Controller
class DeepLinkingPickerController {

	private final Badges badges;

	private final DeepLinking deepLinking;

	private final TransactionTemplate transactions;

	private final org.springframework.context.MessageSource messages;

	DeepLinkingPickerController(Badges badges, DeepLinking deepLinking, TransactionTemplate transactions,
			org.springframework.context.MessageSource messages) {
		this.badges = badges;
		this.deepLinking = deepLinking;
		this.transactions = transactions;
		this.messages = messages;
	}

	@GetMapping("/lti/deep-linking")
	String picker(DeepLinkingTeacher teacher, Model model) {
		model.addAttribute("badges", badges.forContext(teacher.contextId()));
		return "teaching/deep-linking";
	}

	@PostMapping("/lti/deep-linking")
	ModelAndView respond(DeepLinkingTeacher teacher, @RequestParam(name = "badge", required = false) String badgeId,
			@RequestParam(name = "name", required = false) String name,
			@RequestParam(name = "description", required = false) String description,
			@RequestParam(name = "cancel", required = false) String cancel) {
		if (cancel != null) {
			deepLinking.consume(teacher);
			return deepLinking.answer(teacher, List.of(), null);
		}
		BadgeClass badge;
		if (badgeId != null && !badgeId.isBlank()) {
			badge = badges.find(badgeId).filter(b -> b.contextId() != null && b.contextId() == teacher.contextId())
					.orElseThrow(() -> AccessRefused.forbidden("That badge does not belong to this course.",
							"common.refused.badgeOfOtherCourse"));
			deepLinking.consume(teacher);
		}
		else {
			try {
				// one transaction: a second submit of the same form creates no second badge
				badge = transactions.execute(tx -> {
					BadgeClass created = badges.create(name, description, teacher.contextId(), teacher.session().userSub(),
							teacher.session().registrationId());
					deepLinking.consume(teacher);
					return created;
				});
			}
			catch (InvalidBadgeException ex) {
				ModelAndView page = new ModelAndView("teaching/deep-linking");
				String reason = org.badgebridge.web.Explanations.text(messages, ex,
						org.springframework.context.i18n.LocaleContextHolder.getLocale());
				page.addObject("error", reason);
				page.addObject("fieldErrors", Map.of("name", reason));
				page.addObject("badges", badges.forContext(teacher.contextId()));
				page.setStatus(org.springframework.http.HttpStatus.BAD_REQUEST);
				return page;
			}
		}
		return deepLinking.answer(teacher, List.of(link(badge)), messages.getMessage("teaching.deepLinking.added",
				new Object[] { badge.name() }, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
	}

	static DeepLinking.ResourceLink link(BadgeClass badge) {
		return new DeepLinking.ResourceLink(badge.name(), badge.description(), Map.of("badge_id", badge.id()),
				new DeepLinking.LineItem(1, badge.name(), "badgebridge:" + badge.id(), "badgebridge"));
	}
}
