package org.badgebridge.teaching;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgeDetails;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Criteria;
import org.badgebridge.badge.CriteriaJson;
import org.badgebridge.badge.Criterion;
import org.badgebridge.badge.InvalidBadgeException;
import org.badgebridge.course.CourseColumns;
import org.badgebridge.course.CourseData;
import org.badgebridge.web.InvalidInput;

/**
 * A teacher's input for a badge, checked and applied: the details form (numbers as people type them, with the field
 * that is wrong named), criteria from the simple form or as data (every column they name must be one this course
 * has), and the columns the tool creates in the LMS gradebook.
 */
@Service
public class BadgeSetup {

	private final Badges badges;

	private final CourseData courseData;

	private final CourseColumns columns;

	BadgeSetup(Badges badges, CourseData courseData, CourseColumns columns) {
		this.badges = badges;
		this.courseData = courseData;
		this.columns = columns;
	}

	public BadgeClass saveDetails(BadgeClass badge, Map<String, String> form) {
		Double expiry = number(form, "expiryMonths");
		BadgeDetails details = new BadgeDetails(text(form, "criteriaNarrative"),
				"on".equals(form.get("microCredential")) || "true".equals(form.get("microCredential")),
				text(form, "learningOutcomes"), number(form, "workloadValue"), text(form, "workloadUnit"), text(form, "eqfLevel"),
				text(form, "assessmentType"), text(form, "participation"), text(form, "qualityAssurance"), text(form, "language"),
				text(form, "prerequisites"), text(form, "stackability"), expiry == null ? null : expiry.intValue(),
				text(form, "awardingBody"), text(form, "country"));
		return badges.update(badge.id(), form.get("name"), form.get("description"), details);
	}

	/** Criteria from the advanced JSON view, or from the simple form (one rule on one column). */
	public BadgeClass saveCriteria(BadgeClass badge, long contextId, String column, String threshold, String value, String json) {
		List<CourseData.Column> known = courseData.columns(contextId);
		Criteria criteria;
		if (json != null && !json.isBlank()) {
			try {
				criteria = CriteriaJson.read(json);
			}
			catch (InvalidBadgeException | IllegalArgumentException ex) {
				throw new InvalidInput("json", ex.getMessage());
			}
		}
		else {
			CourseData.Column col = known.stream().filter(c -> c.url().equals(column)).findFirst()
					.orElseThrow(() -> new InvalidInput("column", "Choose one of the columns the tool can read."));
			Criterion.Threshold t;
			try {
				t = Criterion.Threshold.valueOf(threshold == null || threshold.isBlank() ? "PERCENT" : threshold);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("threshold", "Choose a rule from the list.");
			}
			Double n = number(value, "value");
			criteria = new Criteria(new Criterion.ScoreRule("rule-1", new Criterion.Column(col.url(), col.resourceId(),
					col.tag(), col.label()), t, n == null ? 0 : n), null);
		}
		List<String> urls = known.stream().map(CourseData.Column::url).toList();
		for (Criterion.Column c : criteria.columns()) {
			if (!urls.contains(c.lineItemId())) {
				throw new InvalidInput(json != null && !json.isBlank() ? "json" : "column",
						"The criteria name a column that this course does not have (any more): "
								+ (c.label() != null ? c.label() : c.lineItemId()));
			}
		}
		return badges.setCriteria(badge.id(), criteria);
	}

	/** Switches automatic awarding; what stops it from going on is said at the switch. */
	public BadgeClass setAwarding(BadgeClass badge, String on) {
		if (!"true".equals(on) && !"false".equals(on)) {
			throw new InvalidInput("on", "Choose on or off.");
		}
		try {
			return badges.setActive(badge.id(), Boolean.parseBoolean(on));
		}
		catch (InvalidBadgeException ex) {
			throw new InvalidInput("awarding", ex.getMessage());
		}
	}

	public CourseData.Column createColumn(BadgeClass badge, long contextId, String label, String maximum) {
		double max = maximum(maximum);
		try {
			return columns.create(contextId, badge.id(), label, max);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("label", ex.getMessage());
		}
	}

	public CourseData.Column createMirror(BadgeClass badge, long contextId, String label, String source, String maximum) {
		double max = maximum(maximum);
		try {
			return columns.createMirror(contextId, badge.id(), label, source, max);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("source", ex.getMessage());
		}
	}

	private static double maximum(String maximum) {
		Double max = number(maximum == null || maximum.isBlank() ? "100" : maximum, "maximum");
		if (max == null || max <= 0 || max > 100_000) {
			throw new InvalidInput("maximum", "The maximum is a number above 0 and at most 100000, e.g. 100.");
		}
		return max;
	}

	private static String text(Map<String, String> form, String key) {
		String v = form.get(key);
		return v == null || v.isBlank() ? null : v.trim();
	}

	private static Double number(Map<String, String> form, String key) {
		return number(text(form, key), key);
	}

	private static Double number(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			double d = Double.parseDouble(value.trim().replace(',', '.'));
			if (Double.isNaN(d) || Double.isInfinite(d)) {
				throw new NumberFormatException();
			}
			return d;
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput(field, "\"" + value.trim() + "\" is not a number. Write a number such as 80 or 7.5.");
		}
	}
}
