package org.badgebridge.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.web.Admin;
import org.badgebridge.web.Csv;
import org.badgebridge.web.Dates;
import org.badgebridge.web.InvalidInput;

/** The admin's audit trail: filtered, sorted and paged in the database, and the same rows as CSV. */
@Controller
class AuditPageController {

	static final int PAGE_SIZE = 50;

	private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final AuditLog audit;

	private final Dates dates;

	private final MessageSource messages;

	private final AuditRetentionJob.Purge retention;

	AuditPageController(AuditLog audit, Dates dates, MessageSource messages, AuditRetentionJob.Purge retention) {
		this.audit = audit;
		this.dates = dates;
		this.messages = messages;
		this.retention = retention;
	}

	@GetMapping("/admin/audit")
	String page(Admin admin, @ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "1") int page, Model model) {
		AuditFilter.Parsed parsed = filter.parse(dates.zone());
		Map<String, String> errors = new LinkedHashMap<>();
		Locale locale = LocaleContextHolder.getLocale();
		parsed.errors().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, locale)));
		model.addAttribute("fieldErrors", errors);
		model.addAttribute("actions", Arrays.stream(AuditAction.values()).map(Enum::name).toList());
		model.addAttribute("retentionDays", retention.retention().toDays());
		if (errors.isEmpty()) {
			model.addAttribute("result", audit.page(parsed.query(), page, PAGE_SIZE));
		}
		return "audit/list";
	}

	@GetMapping("/admin/audit.csv")
	ResponseEntity<byte[]> csv(Admin admin, @ModelAttribute AuditFilter filter) {
		AuditFilter.Parsed parsed = filter.parse(dates.zone());
		parsed.errors().entrySet().stream().findFirst().ifPresent(error -> {
			throw new InvalidInput(error.getKey(), "Not a date, or a range that ends before it starts", error.getValue());
		});
		Locale locale = LocaleContextHolder.getLocale();
		ZoneId zone = dates.zone();
		StringBuilder out = new StringBuilder("\uFEFF");
		Csv.line(out, Arrays.stream(new String[] { "time", "actorKind", "actor", "action", "course", "contextId", "badge", "badgeId",
				"person", "award", "detail", "correlation" }).map(k -> messages.getMessage("admin.audit.csv." + k, null, locale))
				.toArray(String[]::new));
		audit.each(parsed.query(), e -> Csv.line(out, CSV_TIME.format(e.occurredAt().atZone(zone)) + " " + zone.getId(),
				e.actorKind().name(), e.actorName(), e.action().name(), e.courseTitle(), e.contextId() == null ? "" : e.contextId().toString(),
				e.badgeName(), e.badgeId(), e.person(), e.awardId(), e.detail(), e.correlationId()));
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"")
				.cacheControl(CacheControl.noStore()).contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}
}
