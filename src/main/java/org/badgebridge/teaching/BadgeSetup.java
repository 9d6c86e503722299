package org.badgebridge.teaching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

	private final MessageSource messages;

	private final org.badgebridge.course.CourseSyncs syncs;

	BadgeSetup(Badges badges, CourseData courseData, CourseColumns columns, MessageSource messages,
			org.badgebridge.course.CourseSyncs syncs) {
		this.syncs = syncs;
		this.badges = badges;
		this.courseData = courseData;
		this.columns = columns;
		this.messages = messages;
	}

	/**
	 * Saves the fields a step's form sent; a field the form did not send keeps its value (the badge step and the EU
	 * step each send their own). The micro-credential box counts only where the form says it shows it.
	 */
	public BadgeClass saveDetails(BadgeClass badge, Map<String, String> sent) {
		Map<String, String> form = new HashMap<>(current(badge));
		sent.forEach((k, v) -> form.put(k, v));
		if (sent.containsKey("microCredentialShown")) {
			form.put("microCredential", sent.getOrDefault("microCredential", "false"));
		}
		if (form.get("name") == null || form.get("name").isBlank()) {
			throw new InvalidInput("name", msg("teaching.error.name"));
		}
		Double expiry = number(form, "expiryMonths");
		BadgeDetails details = new BadgeDetails(text(form, "criteriaNarrative"),
				"on".equals(form.get("microCredential")) || "true".equals(form.get("microCredential")),
				text(form, "learningOutcomes"), number(form, "workloadValue"), text(form, "workloadUnit"), text(form, "eqfLevel"),
				text(form, "assessmentType"), text(form, "participation"), text(form, "qualityAssurance"), text(form, "language"),
				text(form, "prerequisites"), text(form, "stackability"), expiry == null ? null : expiry.intValue(),
				text(form, "awardingBody"), text(form, "country"));
		return badges.update(badge.id(), form.get("name"), form.get("description"), details);
	}

	private static Map<String, String> current(BadgeClass badge) {
		BadgeDetails d = badge.details();
		Map<String, String> m = new HashMap<>();
		m.put("name", badge.name());
		m.put("description", badge.description());
		m.put("criteriaNarrative", d.criteriaNarrative());
		m.put("microCredential", String.valueOf(d.microCredential()));
		m.put("learningOutcomes", d.learningOutcomes());
		m.put("workloadValue", d.workloadValue() == null ? null : String.valueOf(d.workloadValue()));
		m.put("workloadUnit", d.workloadUnit());
		m.put("eqfLevel", d.eqfLevel());
		m.put("assessmentType", d.assessmentType());
		m.put("participation", d.participation());
		m.put("qualityAssurance", d.qualityAssurance());
		m.put("language", d.language());
		m.put("prerequisites", d.prerequisites());
		m.put("stackability", d.stackability());
		m.put("expiryMonths", d.expiryMonths() == null ? null : String.valueOf(d.expiryMonths()));
		m.put("awardingBody", d.awardingBody());
		m.put("country", d.country());
		m.values().removeIf(java.util.Objects::isNull);
		return m;
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
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
				throw InvalidInput.of("json", ex);
			}
		}
		else {
			CourseData.Column col = known.stream().filter(c -> c.url().equals(column)).findFirst()
					.orElseThrow(() -> new InvalidInput("column", msg("teaching.error.column")));
			Criterion.Threshold t;
			try {
				t = Criterion.Threshold.valueOf(threshold == null || threshold.isBlank() ? "PERCENT" : threshold);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("threshold", msg("teaching.error.threshold"));
			}
			Double n = number(value, "value");
			criteria = new Criteria(new Criterion.ScoreRule("rule-1", new Criterion.Column(col.url(), col.resourceId(),
					col.tag(), col.label()), t, n == null ? 0 : n), null);
		}
		List<String> urls = known.stream().map(CourseData.Column::url).toList();
		for (Criterion.Column c : criteria.columns()) {
			if (!urls.contains(c.lineItemId())) {
				throw new InvalidInput(json != null && !json.isBlank() ? "json" : "column",
						msg("teaching.error.vanished", c.label() != null ? c.label() : c.lineItemId()));
			}
		}
		BadgeClass saved = badges.setCriteria(badge.id(), criteria);
		syncs.teacherActed(contextId); // the columns read may change: poll at the active interval, read everything next
		return saved;
	}

	/** Switches automatic awarding; what stops it from going on is said at the switch. */
	public BadgeClass setAwarding(BadgeClass badge, String on) {
		if (!"true".equals(on) && !"false".equals(on)) {
			throw new InvalidInput("on", msg("teaching.error.onoff"));
		}
		try {
			BadgeClass saved = badges.setActive(badge.id(), Boolean.parseBoolean(on));
			if (badge.contextId() != null) {
				syncs.teacherActed(badge.contextId());
			}
			return saved;
		}
		catch (InvalidBadgeException ex) {
			throw InvalidInput.of("awarding", ex);
		}
	}

	public CourseData.Column createColumn(BadgeClass badge, long contextId, String label, String maximum) {
		double max = maximum(maximum);
		try {
			return columns.create(contextId, badge.id(), label, max);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInput.of("label", ex);
		}
	}

	public CourseData.Column createMirror(BadgeClass badge, long contextId, String label, String source, String maximum) {
		double max = maximum(maximum);
		try {
			return columns.createMirror(contextId, badge.id(), label, source, max);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInput.of("source", ex);
		}
	}

	private double maximum(String maximum) {
		Double max = number(maximum == null || maximum.isBlank() ? "100" : maximum, "maximum");
		if (max == null || max <= 0 || max > 100_000) {
			throw new InvalidInput("maximum", msg("teaching.error.maximum"));
		}
		return max;
	}

	private static String text(Map<String, String> form, String key) {
		String v = form.get(key);
		return v == null || v.isBlank() ? null : v.trim();
	}

	private Double number(Map<String, String> form, String key) {
		return number(text(form, key), key);
	}

	private Double number(String value, String field) {
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
			throw new InvalidInput(field, msg("teaching.error.number", value.trim()));
		}
	}
}
