package org.badgebridge.launch.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.Courses;
import org.badgebridge.launch.ToolSession;

/**
 * The pages a resource link launch opens: a badge's page (its name for learners, a management page for
 * teachers; the later issues fill both) and the course's badges when a link names no badge.
 */
@Controller
class LaunchPagesController {

	private final Badges badges;

	private final Courses courses;

	LaunchPagesController(Badges badges, Courses courses) {
		this.badges = badges;
		this.courses = courses;
	}

	@GetMapping("/lti/badges/{id}")
	String badge(@PathVariable String id, ToolSession session, Model model) {
		BadgeClass badge = badges.find(id).orElseThrow(() -> LaunchRejected.forbidden(
				"This link names a badge that does not exist (any more) in BadgeBridge."));
		boolean ofThisCourse = badge.contextId() != null && badge.contextId() == session.contextId();
		if (!ofThisCourse && !id.equals(session.badgeId())) {
			throw LaunchRejected.forbidden("This badge does not belong to the course you launched from.");
		}
		model.addAttribute("badge", badge);
		model.addAttribute("toolSession", session);
		model.addAttribute("course", courses.context(session.contextId()).orElse(null));
		return session.isTeacher() ? "launch/badge-teacher" : "launch/badge-learner";
	}

	@GetMapping("/lti/course")
	String course(ToolSession session, Model model) {
		model.addAttribute("toolSession", session);
		model.addAttribute("course", courses.context(session.contextId()).orElse(null));
		model.addAttribute("badges", badges.forContext(session.contextId()));
		return "launch/course";
	}
}
