package org.badgebridge.teaching.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.badgebridge.access.BadgeTeacher;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgeImages;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.CourseData;
import org.badgebridge.course.Courses;

/**
 * The guided set-up of a badge, in order: the badge itself, what counts (columns), criteria, the EU elements (only
 * for a micro-credential), review and awarding. For each step whether it is done and, if not, what is missing (as
 * message keys of the {@code teaching} bundle), so the step navigation and the awarding switch can say it.
 */
@Component
class SetupSteps {

	/** One step: its key (also its address), whether it is done, and the keys of what it still misses. */
	public record Step(String key, boolean done, List<String> missing) {

		public String label() {
			return "teaching.step." + key;
		}
	}

	static final List<String> ORDER = List.of("badge", "columns", "criteria", "eu", "review");

	private final Badges badges;

	private final BadgeImages images;

	private final CourseData courseData;

	private final Courses courses;

	SetupSteps(Badges badges, BadgeImages images, CourseData courseData, Courses courses) {
		this.badges = badges;
		this.images = images;
		this.courseData = courseData;
		this.courses = courses;
	}

	/** What every page of a badge shows at its top: the badge, its course and the step navigation. */
	void header(BadgeTeacher teacher, Model model, String current) {
		BadgeClass badge = teacher.badge();
		List<Step> list = of(badge);
		model.addAttribute("badge", badge);
		model.addAttribute("imageUrl", images.exists(badge.id()) ? "/badges/" + badge.id() + "/image" : null);
		model.addAttribute("course", courses.context(teacher.contextId()).orElse(null));
		model.addAttribute("steps", list);
		model.addAttribute("currentStep", current);
		model.addAttribute("awardingBlockers", blockingAwarding(list));
	}

	List<Step> of(BadgeClass badge) {
		List<Step> steps = new ArrayList<>();
		List<String> badgeMissing = new ArrayList<>();
		if (badge.description() == null || badge.description().isBlank()) {
			badgeMissing.add("teaching.missing.description");
		}
		if (!images.exists(badge.id())) {
			badgeMissing.add("teaching.missing.image");
		}
		steps.add(new Step("badge", badgeMissing.isEmpty(), badgeMissing));
		List<CourseData.Column> columns = courseData.columns(badge.contextId());
		boolean ownColumns = columns.stream().anyMatch(c -> c.lmsLinkId() == null);
		steps.add(new Step("columns", ownColumns, ownColumns ? List.of() : List.of("teaching.missing.columns")));
		List<String> criteriaMissing = new ArrayList<>();
		if (!badge.hasCriteria()) {
			criteriaMissing.add("teaching.missing.criteria");
		}
		else {
			List<String> known = columns.stream().map(CourseData.Column::url).toList();
			if (badge.criteria().columns().stream().anyMatch(c -> !known.contains(c.lineItemId()))) {
				criteriaMissing.add("teaching.missing.vanished");
			}
		}
		steps.add(new Step("criteria", criteriaMissing.isEmpty(), criteriaMissing));
		if (badge.details().microCredential()) {
			boolean complete = badge.details().withIssuer(badges.issuer(badge)).missingForMicroCredential().isEmpty();
			steps.add(new Step("eu", complete, complete ? List.of() : List.of("teaching.missing.eu")));
		}
		steps.add(new Step("review", badge.active(), badge.active() ? List.of() : List.of("teaching.missing.awarding")));
		return steps;
	}

	/** What stops awarding from being switched on (message keys), empty when it can be. */
	static List<String> blockingAwarding(List<Step> steps) {
		return steps.stream().filter(s -> s.key().equals("criteria") || s.key().equals("eu"))
				.flatMap(s -> s.missing().stream()).toList();
	}
}
