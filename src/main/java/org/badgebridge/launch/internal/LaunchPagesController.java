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

	@GetMapping("/lti/course")
	String course(ToolSession session, Model model) {
		model.addAttribute("toolSession", session);
		model.addAttribute("course", courses.context(session.contextId()).orElse(null));
		model.addAttribute("badges", badges.forContext(session.contextId()));
		return "launch/course";
	}
}
