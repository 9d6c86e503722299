package org.badgebridge.course;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.badgebridge.lms.AgsClient;
import org.badgebridge.lms.LineItem;
import org.badgebridge.lms.NewLineItem;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.Registrations;

/**
 * Columns the tool creates in the LMS gradebook for a badge (resourceId {@code badgebridge:<badge>:<key>},
 * tag {@code badgebridge}): an assessed column the teacher grades in the LMS, or a mirror column that a
 * gradebook formula fills.
 */
@Service
public class CourseColumns {

	public static final String TAG = "badgebridge";

	private final Courses courses;

	private final Registrations registrations;

	private final AgsClient ags;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CourseData courseData;

	private final CourseSyncs syncs;

	public CourseColumns(Courses courses, Registrations registrations, AgsClient ags, JdbcClient jdbc, Clock clock,
			CourseData courseData, CourseSyncs syncs) {
		this.syncs = syncs;
		this.courseData = courseData;
		this.courses = courses;
		this.registrations = registrations;
		this.ags = ags;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The prefix of a mirror column's key: the tool never posts scores to such a column (it would override the formula). */
	public static final String MIRROR = "mirror-";

	/**
	 * A mirror column: a tool-created column whose values a gradebook calculation ({@code =[[source]]}) fills.
	 * A formula over the course total is circular in Moodle and breaks the course total, so it is refused.
	 */
	public CourseData.Column createMirror(long contextId, String badgeId, String label, String source, double maximum) {
		String s = source == null ? "" : source.trim();
		String norm = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
		if (norm.equals("course") || norm.equals("coursetotal") || norm.equals("total") || norm.equals("coursetotalgrade")) {
			throw new ColumnRefused("A mirror of the course total is refused: the course total includes this column, "
					+ "so the formula would be circular and Moodle's course total would break. Mirror a grade item or a category instead.",
					"common.error.column.courseTotal");
		}
		if (s.isEmpty() || s.length() > 100 || !s.matches("[A-Za-z0-9_\\-.]+")) {
			throw new ColumnRefused("Give the ID number of the grade item or category to mirror (letters, digits, "
					+ "- _ . only), as set in its settings in the LMS gradebook.", "common.error.column.source");
		}
		return create(contextId, badgeId, label, maximum, MIRROR);
	}

	public CourseData.Column create(long contextId, String badgeId, String label, double maximum) {
		return create(contextId, badgeId, label, maximum, "");
	}

	private CourseData.Column create(long contextId, String badgeId, String label, double maximum, String kind) {
		if (label == null || label.isBlank() || label.length() > 255) {
			throw new ColumnRefused("A column needs a label of at most 255 characters.", "common.error.column.label");
		}
		if (!(maximum > 0) || maximum > 10_000) {
			throw new ColumnRefused("A column's maximum is a number above 0 (and at most 10000).", "common.error.column.maximum");
		}
		CourseContext context = courses.context(contextId).orElseThrow();
		if (context.lineItemsUrl() == null) {
			throw new ColumnRefused("The LMS has not given this course an AGS line items URL: ask the LMS admin to enable "
					+ "Assignment and Grade Services (\"grade sync and column management\") for the tool.", "common.error.column.noAgs");
		}
		Registration registration = registrations.find(context.registrationId()).orElseThrow();
		String resourceId = "badgebridge:" + badgeId + ":" + kind + key(label);
		LineItem item = ags.createLineItem(registration, context.lineItemsUrl(),
				new NewLineItem(label.trim(), maximum, resourceId, TAG, null));
		long now = clock.millis();
		jdbc.sql("insert into course_line_item (context_id, url_hash, lineitem_url, label, score_maximum, resource_id, tag, lms_link_id, last_seen_at) values (?,?,?,?,?,?,?,?,?)")
				.params(contextId, CourseSyncs.sha256(item.id()), item.id(), item.label(), item.scoreMaximum(), item.resourceId(),
						item.tag(), item.resourceLinkId(), now)
				.update();
		syncs.teacherActed(contextId); // a teacher's action: poll at the active interval, read every column next
		return courseData.columns(contextId).stream().filter(c -> c.url().equals(item.id())).findFirst().orElseThrow();
	}

	public static boolean isMirror(CourseData.Column column) {
		return column.resourceId() != null && column.resourceId().contains(":" + MIRROR);
	}

	static String key(String label) {
		String ascii = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
				.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		String slug = ascii.isEmpty() ? "column" : ascii.length() > 40 ? ascii.substring(0, 40) : ascii;
		return slug + "-" + UUID.randomUUID().toString().substring(0, 6);
	}
}
