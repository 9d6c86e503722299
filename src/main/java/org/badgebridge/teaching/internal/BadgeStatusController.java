package org.badgebridge.teaching.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import org.badgebridge.access.BadgeTeacher;
import org.badgebridge.award.AwardStates;
import org.badgebridge.award.AwardStates.Held;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.course.CourseLearners;

/**
 * A badge's live state for its dashboard's script (the course's sync and the counts, as JSON, read from the
 * database so any node answers), and the learners' table as CSV for a spreadsheet.
 */
@Controller
class BadgeStatusController {

	private final LearnerTable table;

	private final CourseLearners learners;

	private final AwardStates awards;

	private final MessageSource messages;

	private final Clock clock;

	BadgeStatusController(LearnerTable table, CourseLearners learners, AwardStates awards, MessageSource messages, Clock clock) {
		this.table = table;
		this.learners = learners;
		this.awards = awards;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(path = "/lti/teach/badges/{badge}/status", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> status(BadgeTeacher teacher, @RequestParam(required = false) String since) {
		Map<String, Object> body = table.status(teacher.badge(), BadgePageController.number(since), clock.millis(),
				LocaleContextHolder.getLocale());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	@GetMapping("/lti/teach/badges/{badge}/learners.csv")
	ResponseEntity<byte[]> csv(BadgeTeacher teacher, @RequestParam(required = false) String sort) {
		BadgeClass badge = teacher.badge();
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Held> held = awards.all(badge.id(), badge.contextId());
		StringBuilder out = new StringBuilder("\uFEFF");
		line(out, text("teaching.csv.name", locale), text("teaching.csv.id", locale), text("teaching.csv.state", locale),
				text("teaching.csv.score", locale), text("teaching.csv.maximum", locale), text("teaching.csv.percent", locale));
		learners.each(badge.contextId(), LearnerTable.scoreColumn(badge), CourseLearners.Sort.of(sort), LearnerTable.ranking(held), r -> {
			Held h = held.get(r.userSub());
			line(out, r.name(), r.userSub(), text(h == null ? (r.score() == null ? "teaching.state.notStarted"
					: "teaching.state.inProgress") : "teaching.state." + h.state(), locale),
					r.score() == null ? text("teaching.learners.noGrade", locale) : number(r.score()),
					r.maximum() == null ? "" : number(r.maximum()), r.percent() == null ? "" : number(Math.round(r.percent())));
		});
		String file = "learners-" + badge.id() + ".csv";
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
				.cacheControl(CacheControl.noStore()).contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static String number(double d) {
		return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
	}

	/** One line of cells, each neutralised against formula injection ({@link org.badgebridge.web.Csv}). */
	private static void line(StringBuilder out, String... cells) {
		org.badgebridge.web.Csv.line(out, cells);
	}
}
