package org.badgebridge.teaching.internal;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.access.BadgeTeacher;
import org.badgebridge.award.Approvals;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.course.CourseLearners;
import org.badgebridge.course.CourseSyncs;
import org.badgebridge.course.SyncStatus;

/**
 * A badge's dashboard for its teacher: the set-up steps and what each still misses, awarding on/off, the course's
 * sync with its live state, earned / in progress / not started with a small chart, approval requests, and one page
 * of the learners (searched and sorted in the database). A course never read before is read when its teacher opens
 * the page (one read at a time per course: the course's Quartz job never runs twice at once).
 */
@Controller
class BadgePageController {

	private final CourseSyncs syncs;

	private final Approvals approvals;

	private final SetupSteps steps;

	private final LearnerTable table;

	private final Clock clock;

	BadgePageController(CourseSyncs syncs, Approvals approvals, SetupSteps steps, LearnerTable table, Clock clock) {
		this.syncs = syncs;
		this.approvals = approvals;
		this.steps = steps;
		this.table = table;
		this.clock = clock;
	}

	@GetMapping("/lti/teach/badges/{badge}")
	String page(BadgeTeacher teacher, @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String page, @RequestParam(required = false) String since, Model model) {
		BadgeClass badge = teacher.badge();
		long contextId = teacher.contextId();
		long now = clock.millis();
		Long asked = number(since);
		Optional<SyncStatus> status = syncs.status(contextId);
		if (status.isEmpty()) {
			// never read: read it now, and say so instead of "nobody meets it"
			syncs.syncNow(contextId);
			asked = now;
		}
		else {
			syncs.teacherActed(contextId); // the teacher is looking: poll at the active interval again
		}
		boolean running = LearnerTable.running(status, asked, now);
		steps.header(teacher, model, "dashboard");
		model.addAttribute("sync", status.orElse(null));
		model.addAttribute("syncRunning", running);
		model.addAttribute("syncSince", running ? asked : null);
		model.addAttribute("syncText", table.text(status.orElse(null), running, LocaleContextHolder.getLocale()));
		model.addAttribute("counts", table.counts(badge));
		CourseLearners.Sort order = CourseLearners.Sort.of(sort);
		CourseLearners.Page learners = table.page(badge, q == null ? "" : q, order, number(page) == null ? 1 : number(page).intValue());
		model.addAttribute("learners", learners);
		model.addAttribute("rows", table.rows(badge, learners));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("sort", order.param());
		model.addAttribute("headers", SortHeader.of(order));
		model.addAttribute("scoreLabel", LearnerTable.scoreLabel(badge));
		model.addAttribute("pendingApprovals", approvals.pending(badge.id(), contextId));
		return "teaching/badge";
	}

	static Long number(String value) {
		try {
			return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
