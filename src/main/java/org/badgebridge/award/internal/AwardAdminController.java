package org.badgebridge.award.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.award.AwardFigures;
import org.badgebridge.award.AwardFilter;
import org.badgebridge.award.AwardState;
import org.badgebridge.award.IsoWeek;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.CourseContext;
import org.badgebridge.course.Courses;
import org.badgebridge.web.Admin;
import org.badgebridge.web.Dates;
import org.badgebridge.web.ListPage;
import org.badgebridge.web.ListQuery;
import org.badgebridge.web.ListSort;

/**
 * The admin's list of awards: badge, course, learner, state, when awarded and claimed; filtered by state, badge, course,
 * person and a week or dates (of awarding, or of claiming), sorted and paged in the database, with the totals per state.
 */
@Controller
class AwardAdminController {

	static final ListSort NEWEST_FIRST = new ListSort("awarded", true);

	private final AwardFigures figures;

	private final Badges badges;

	private final Courses courses;

	private final Dates dates;

	AwardAdminController(AwardFigures figures, Badges badges, Courses courses, Dates dates) {
		this.figures = figures;
		this.badges = badges;
		this.courses = courses;
		this.dates = dates;
	}

	@GetMapping("/admin/awards")
	String awards(Admin admin, @RequestParam(required = false) String state, @RequestParam(required = false) String badge,
			@RequestParam(required = false) Long course, @RequestParam(required = false) String person,
			@RequestParam(required = false) String week, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String on,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page, Model model) {
		ZoneId zone = dates.zone();
		IsoWeek isoWeek = IsoWeek.parse(week);
		LocalDate fromDate = isoWeek == null ? ListQuery.date(from) : null;
		LocalDate toDate = isoWeek == null ? ListQuery.date(to) : null;
		Instant start = isoWeek != null ? isoWeek.start(zone) : fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant();
		Instant end = isoWeek != null ? isoWeek.end(zone) : toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant();
		boolean claimed = "claimed".equals(on);
		AwardFilter filter = new AwardFilter(ListQuery.option(AwardState.class, state), ListQuery.text(badge), course, ListQuery.text(person), start, end,
				claimed);
		ListSort order = ListSort.parse(sort, Set.copyOf(AwardFigures.ORDERS.keySet()), NEWEST_FIRST);
		ListPage paging = ListPage.of(page, ListPage.SIZE, figures.count(filter));
		List<AwardFigures.Listed> rows = figures.list(filter, order.column(), order.descending(), paging.offset(), paging.size());
		model.addAttribute("rows", rows);
		model.addAttribute("badgeNames", badgeNames(figures.badges().keySet()));
		model.addAttribute("courseTitles", courseTitles(figures.courses().keySet()));
		model.addAttribute("filter", filter);
		model.addAttribute("week", isoWeek == null ? null : isoWeek.toString());
		model.addAttribute("from", fromDate);
		model.addAttribute("to", toDate);
		model.addAttribute("on", claimed ? "claimed" : "awarded");
		model.addAttribute("states", AwardState.values());
		model.addAttribute("totals", figures.byState(filter));
		model.addAttribute("paging", paging);
		model.addAttribute("query", ListQuery.of("/admin/awards", order).with("state", filter.state() == null ? null : filter.state().name())
				.with("badge", filter.badgeId()).with("course", course).with("person", filter.person()).with("week", isoWeek)
				.with("from", fromDate).with("to", toDate).with("on", claimed ? "claimed" : null));
		return "award/list";
	}

	/** The names of the badges that have awards, by id, A to Z. */
	private Map<String, String> badgeNames(Set<String> ids) {
		Map<String, String> names = new LinkedHashMap<>();
		ids.stream().map(id -> Map.entry(id, badges.find(id).map(BadgeClass::name).orElse(id)))
				.sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER)).forEach(e -> names.put(e.getKey(), e.getValue()));
		return names;
	}

	/** The titles of the courses that have awards, by id, A to Z. */
	private Map<Long, String> courseTitles(Set<Long> ids) {
		Map<Long, String> titles = new LinkedHashMap<>();
		ids.stream().map(id -> Map.entry(id, courses.context(id).map(CourseContext::displayTitle).orElse(String.valueOf(id))))
				.sorted(Map.Entry.<Long, String>comparingByValue(String.CASE_INSENSITIVE_ORDER).thenComparing(Map.Entry.comparingByKey()))
				.forEach(e -> titles.put(e.getKey(), e.getValue()));
		return titles;
	}
}
