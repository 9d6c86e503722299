package org.badgebridge.audit.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's filter as typed (what the form shows again) and the query it makes: dates are days in the institution's
 * time zone, "to" included; a date that is no date, or a range that ends before it starts, is an error at its field.
 */
public record AuditFilter(String course, String badge, String person, String action, String from, String to, String sort, String dir) {

	/** The query, or the field errors (message keys by field) when a date cannot be read. */
	record Parsed(AuditQuery query, Map<String, String> errors) {
	}

	Parsed parse(ZoneId zone) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate fromDay = day("from", from, errors);
		LocalDate toDay = day("to", to, errors);
		if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
			errors.put("to", "admin.audit.error.range");
		}
		AuditQuery query = new AuditQuery(course, badge, person, chosenAction(), fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
				toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant(), AuditQuery.Sort.of(sort), descending());
		return new Parsed(query, errors);
	}

	boolean descending() {
		return !"asc".equalsIgnoreCase(dir);
	}

	AuditAction chosenAction() {
		if (action == null || action.isBlank()) {
			return null;
		}
		try {
			return AuditAction.valueOf(action.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The value of {@code aria-sort} for a column of the table. */
	public String ariaSort(String column) {
		return !AuditQuery.Sort.of(sort).name().equalsIgnoreCase(column) ? "none" : descending() ? "descending" : "ascending";
	}

	/** The direction a header's link asks for: the other one for the sorted column, else newest/highest first. */
	public String nextDir(String column) {
		return AuditQuery.Sort.of(sort).name().equalsIgnoreCase(column) && descending() ? "asc" : "desc";
	}

	private static LocalDate day(String field, String value, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "admin.audit.error.date");
			return null;
		}
	}
}
