package org.badgebridge.teaching.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.badgebridge.access.BadgeTeacher;
import org.badgebridge.award.Approvals;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgeImages;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.CriteriaJson;
import org.badgebridge.badge.Evaluation;
import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.course.CourseColumns;
import org.badgebridge.course.CourseData;
import org.badgebridge.course.CourseSyncs;
import org.badgebridge.course.Courses;

/** A badge's teacher page: details, columns, criteria and how many meet them, awarding, approvals, learners. */
@Controller
class BadgePageController {

	private final Badges badges;

	private final BadgeImages images;

	private final Courses courses;

	private final CourseData courseData;

	private final CourseSyncs syncs;

	private final Awards awards;

	private final Approvals approvals;

	BadgePageController(Badges badges, BadgeImages images, Courses courses, CourseData courseData, CourseSyncs syncs,
			Awards awards, Approvals approvals) {
		this.badges = badges;
		this.images = images;
		this.courses = courses;
		this.courseData = courseData;
		this.syncs = syncs;
		this.awards = awards;
		this.approvals = approvals;
	}

	@GetMapping("/lti/teach/badges/{badge}")
	String page(BadgeTeacher teacher, Model model) {
		BadgeClass badge = teacher.badge();
		long contextId = teacher.contextId();
		model.addAttribute("badge", badge);
		model.addAttribute("imageUrl", images.exists(badge.id()) ? "/badges/" + badge.id() + "/image" : null);
		model.addAttribute("course", courses.context(contextId).orElse(null));
		List<Awards.Standing> standings = awards.standings(badge);
		List<CourseData.Column> courseColumns = courseData.columns(contextId);
		model.addAttribute("columns", courseColumns);
		model.addAttribute("mirrors", courseColumns.stream().filter(CourseColumns::isMirror).toList());
		model.addAttribute("resultCounts", courseData.resultCounts(contextId));
		model.addAttribute("standings", standings);
		model.addAttribute("sync", syncs.status(contextId).orElse(null));
		model.addAttribute("criteriaJson", badge.hasCriteria() ? CriteriaJson.write(badge.criteria()) : "");
		model.addAttribute("pendingApprovals", approvals.pending(badge.id(), contextId));
		model.addAttribute("meetingPerCriterion", meetingPerCriterion(standings));
		IssuerProfile issuer = badges.issuer(badge);
		model.addAttribute("inCatalogue", badges.inCatalogue(badge.id()));
		model.addAttribute("issuer", issuer);
		model.addAttribute("missingElements", badge.details().withIssuer(issuer).missingForMicroCredential());
		List<String> known = courseColumns.stream().map(CourseData.Column::url).toList();
		model.addAttribute("vanishedColumns", badge.hasCriteria() ? badge.criteria().columns().stream()
				.filter(c -> !known.contains(c.lineItemId())).map(c -> c.label() != null ? c.label() : c.lineItemId()).toList()
				: List.of());
		model.addAttribute("meeting", standings.stream().filter(s -> s.outcome() != null && s.outcome().met()).count());
		return "teaching/badge";
	}

	/** For each criterion (by key): its label and how many learners meet it now. */
	static Map<String, Object[]> meetingPerCriterion(List<Awards.Standing> standings) {
		Map<String, Object[]> counts = new LinkedHashMap<>();
		for (Awards.Standing s : standings) {
			if (s.outcome() != null) {
				count(s.outcome().progress(), counts);
			}
		}
		return counts;
	}

	private static void count(Evaluation.Progress p, Map<String, Object[]> counts) {
		Object[] entry = counts.computeIfAbsent(p.key(), k -> new Object[] { p.label(), 0 });
		if (p.met()) {
			entry[1] = (Integer) entry[1] + 1;
		}
		p.children().forEach(c -> count(c, counts));
	}
}
