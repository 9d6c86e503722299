package org.badgebridge.teaching.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.badgebridge.access.CourseMember;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.Courses;

/**
 * The course's badges (a link that names no badge opens it), and the role-neutral address of a badge's page that
 * sends teachers to the teacher's page and learners to their progress.
 */
@Controller
class CoursePagesController {

	private final Badges badges;

	private final Courses courses;

	CoursePagesController(Badges badges, Courses courses) {
		this.badges = badges;
		this.courses = courses;
	}

	@GetMapping("/lti/course")
	String course(CourseMember member, Model model) {
		model.addAttribute("teacher", member.isTeacher());
		model.addAttribute("course", courses.context(member.contextId()).orElse(null));
		model.addAttribute("badges", badges.forContext(member.contextId()));
		return "teaching/course";
	}

	@GetMapping("/lti/badges/{badge}")
	String badge(@PathVariable String badge, CourseMember member) {
		String id = badge.matches("[A-Za-z0-9-]{1,36}") ? badge : "unknown";
		return "redirect:" + (member.isTeacher() ? "/lti/teach/badges/" : "/lti/learn/badges/") + id;
	}
}
