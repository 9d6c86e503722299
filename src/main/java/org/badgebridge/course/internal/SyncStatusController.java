package org.badgebridge.course.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.course.SyncFigures;
import org.badgebridge.course.SyncFilter;
import org.badgebridge.course.SyncState;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.Registrations;
import org.badgebridge.web.Admin;
import org.badgebridge.web.ListPage;
import org.badgebridge.web.ListQuery;
import org.badgebridge.web.ListSort;

/**
 * The admin's sync status: each course's last sync (platform, title, when, outcome, error) and its next run, filtered
 * by platform, state and title, sorted and paged in the database.
 */
@Controller
class SyncStatusController {

	static final ListSort LATEST_FIRST = new ListSort("synced", true);

	private final SyncFigures figures;

	private final SyncSchedule schedule;

	private final Registrations registrations;

	SyncStatusController(SyncFigures figures, SyncSchedule schedule, Registrations registrations) {
		this.figures = figures;
		this.schedule = schedule;
		this.registrations = registrations;
	}

	@GetMapping("/admin/syncs")
	String syncs(Admin admin, @RequestParam(required = false) Long platform, @RequestParam(required = false) String state,
			@RequestParam(required = false) String title, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, Model model) {
		SyncFilter filter = new SyncFilter(platform, ListQuery.option(SyncState.class, state), ListQuery.text(title));
		ListSort order = ListSort.parse(sort, Set.copyOf(SyncFigures.ORDERS.keySet()), LATEST_FIRST);
		ListPage paging = ListPage.of(page, ListPage.SIZE, figures.count(filter));
		List<SyncFigures.CourseSync> rows = figures.list(filter, order.column(), order.descending(), paging.offset(), paging.size());
		Map<Long, String> platforms = registrations.all().stream()
				.collect(Collectors.toMap(Registration::id, r -> r.name() == null || r.name().isBlank() ? r.issuer() : r.name(),
						(a, b) -> a, java.util.LinkedHashMap::new));
		model.addAttribute("rows", rows);
		model.addAttribute("next", schedule.of(rows.stream().map(SyncFigures.CourseSync::contextId).toList()));
		model.addAttribute("platforms", platforms);
		model.addAttribute("filter", filter);
		model.addAttribute("states", SyncState.values());
		model.addAttribute("paging", paging);
		model.addAttribute("query", ListQuery.of("/admin/syncs", order).with("platform", platform)
				.with("state", filter.state() == null ? null : filter.state().name()).with("title", filter.title()));
		return "course/syncs";
	}
}
