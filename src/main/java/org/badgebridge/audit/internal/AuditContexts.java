package org.badgebridge.audit.internal;

import org.springframework.stereotype.Component;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.CourseContext;
import org.badgebridge.course.Courses;

/** The course title and badge name as they are at the time of the change, kept as text with the ids. */
@Component
class AuditContexts {

	private final Courses courses;

	private final Badges badges;

	AuditContexts(Courses courses, Badges badges) {
		this.courses = courses;
		this.badges = badges;
	}

	AuditEntry inCourse(AuditEntry entry, long contextId, String badgeId) {
		CourseContext context = courses.context(contextId).orElse(null);
		String badgeName = badgeId == null ? null : badges.find(badgeId).map(BadgeClass::name).orElse(null);
		return entry.course(context == null ? null : context.registrationId(), contextId,
				context == null ? null : context.displayTitle()).badge(badgeId, badgeName);
	}
}
