package org.badgebridge.teaching.internal;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.badgebridge.access.BadgeTeacher;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.CriteriaJson;
import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.course.CourseColumns;
import org.badgebridge.course.CourseData;

/**
 * The guided set-up of a badge, one page per step ({@code /lti/teach/badges/{badge}/setup/{step}}): the badge
 * (name, image, description, issuer), what counts (columns), criteria, the EU elements, review and awarding.
 */
@Controller
class SetupPagesController {

	private final Badges badges;

	private final CourseData courseData;

	private final Awards awards;

	private final SetupSteps steps;

	SetupPagesController(Badges badges, CourseData courseData, Awards awards, SetupSteps steps) {
		this.badges = badges;
		this.courseData = courseData;
		this.awards = awards;
		this.steps = steps;
	}

	@GetMapping("/lti/teach/badges/{badge}/setup/{step}")
	String step(BadgeTeacher teacher, @PathVariable String step, Model model) {
		if (!SetupSteps.ORDER.contains(step)) {
			return "redirect:" + TeacherActions.page(teacher);
		}
		BadgeClass badge = teacher.badge();
		long contextId = teacher.contextId();
		steps.header(teacher, model, step);
		IssuerProfile issuer = badges.issuer(badge);
		model.addAttribute("issuer", issuer);
		model.addAttribute("missingElements", badge.details().withIssuer(issuer).missingForMicroCredential());
		List<CourseData.Column> columns = courseData.columns(contextId);
		model.addAttribute("columns", columns);
		switch (step) {
			case "columns" -> {
				model.addAttribute("mirrors", columns.stream().filter(CourseColumns::isMirror).toList());
				model.addAttribute("resultCounts", courseData.resultCounts(contextId));
			}
			case "criteria" -> {
				model.addAttribute("criteriaJson", badge.hasCriteria() ? CriteriaJson.write(badge.criteria()) : "");
				List<Awards.Standing> standings = awards.standings(badge);
				model.addAttribute("meetingPerCriterion", CriterionCounts.meetingPerCriterion(standings));
				model.addAttribute("meeting", standings.stream().filter(s -> s.outcome() != null && s.outcome().met()).count());
				List<String> known = columns.stream().map(CourseData.Column::url).toList();
				model.addAttribute("vanishedColumns", badge.hasCriteria() ? badge.criteria().columns().stream()
						.filter(c -> !known.contains(c.lineItemId())).map(c -> c.label() != null ? c.label() : c.lineItemId()).toList()
						: List.of());
			}
			case "review" -> model.addAttribute("inCatalogue", badges.inCatalogue(badge.id()));
			default -> {
			}
		}
		return "teaching/setup-" + step;
	}
}
