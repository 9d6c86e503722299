package org.badgebridge.course.internal;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.web.Admin;
import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;

/**
 * The admin's sync settings ({@code /admin/sync-settings}): active and idle intervals and the request budget per
 * platform registration, and intervals of single courses, each field showing the default it replaces. A value that
 * cannot be used is explained at its field; blank means "the default".
 */
@Controller
class SyncSettingsController {

	static final String PATH = "/admin/sync-settings";

	/** A platform's row as the form shows it (blank: the default). */
	record PlatformView(long id, String name, String active, String idle, String budget) {
	}

	record CourseView(long id, String title, String platform, String active, String idle) {
	}

	private final SyncSettings settings;

	private final Notices notices;

	SyncSettingsController(SyncSettings settings, Notices notices) {
		this.settings = settings;
		this.notices = notices;
	}

	@GetMapping(PATH)
	String page(Admin admin, @RequestParam(required = false) String page, Model model) {
		SyncSettings.Defaults d = settings.defaults();
		model.addAttribute("defaultActive", SyncIntervals.text(d.active()));
		model.addAttribute("defaultIdle", SyncIntervals.text(d.idle()));
		model.addAttribute("defaultHold", SyncIntervals.text(d.hold()));
		model.addAttribute("defaultRoster", SyncIntervals.text(d.roster()));
		model.addAttribute("defaultBudget", Integer.toString(d.requestsPerMinute()));
		List<PlatformView> platforms = settings.platforms().stream().map(p -> new PlatformView(p.registrationId(), p.name(),
				SyncIntervals.text(p.active()), SyncIntervals.text(p.idle()),
				p.requestsPerMinute() == null ? "" : p.requestsPerMinute().toString())).toList();
		model.addAttribute("platforms", platforms);
		SyncSettings.CoursePage courses = settings.courses(pageNumber(page));
		model.addAttribute("courses", courses.rows().stream().map(c -> new CourseView(c.contextId(), c.title(), c.platform(),
				SyncIntervals.text(c.active()), SyncIntervals.text(c.idle()))).toList());
		model.addAttribute("coursePage", courses.page());
		model.addAttribute("coursePages", courses.pages());
		model.addAttribute("courseTotal", courses.total());
		return "course/sync-settings";
	}

	@PostMapping(PATH + "/platforms/{registration}")
	String savePlatform(Admin admin, @PathVariable long registration, @RequestParam(required = false) String active,
			@RequestParam(required = false) String idle, @RequestParam(required = false) String budget) {
		try {
			settings.savePlatform(registration, active, idle, budget);
			return notices.redirect(PATH, Notice.info(notices.text("admin.syncSettings.platformSaved")));
		}
		catch (SyncSettingRefused ex) {
			String text = notices.refusal(ex).message();
			return notices.redirect(PATH, "platform".equals(ex.field()) ? Notice.error(text)
					: Notice.field("platform-" + registration + "-" + ex.field(), text));
		}
	}

	@PostMapping(PATH + "/courses")
	String saveCourse(Admin admin, @RequestParam(required = false) String course, @RequestParam(required = false) String active,
			@RequestParam(required = false) String idle) {
		try {
			settings.saveCourse(course, active, idle);
			return notices.redirect(PATH, Notice.info(notices.text("admin.syncSettings.courseSaved")));
		}
		catch (SyncSettingRefused ex) {
			return notices.redirect(PATH, Notice.field("course-" + ex.field(), notices.refusal(ex).message()));
		}
	}

	@PostMapping(PATH + "/courses/{course}/remove")
	String removeCourse(Admin admin, @PathVariable long course) {
		settings.removeCourse(course);
		return notices.redirect(PATH, Notice.info(notices.text("admin.syncSettings.courseRemoved")));
	}

	static int pageNumber(String page) {
		try {
			return page == null ? 1 : Math.max(1, Integer.parseInt(page.trim()));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}
}
