package org.badgebridge.award.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.badgebridge.award.Awards;
import org.badgebridge.award.BadgeAwarded;
import org.badgebridge.badge.BadgeActivated;
import org.badgebridge.course.CourseData;
import org.badgebridge.course.CourseSynced;
import org.badgebridge.course.CourseSyncs;
import org.badgebridge.course.Courses;
import org.badgebridge.lms.AgsClient;
import org.badgebridge.lms.Score;
import org.badgebridge.platform.Registrations;

/**
 * What awarding does on events: a badge switched on gets its course synced; a complete sync is evaluated;
 * an award writes "earned" (1/1, Completed, FullyGraded) to the badge's own column. Each runs after the
 * publishing transaction commits and is retried by the event publication registry until it succeeds, so
 * each is idempotent.
 */
@Component
class AwardListeners {

	private static final Logger log = LoggerFactory.getLogger(AwardListeners.class);

	private final Awards awards;

	private final CourseSyncs syncs;

	private final CourseData courseData;

	private final Courses courses;

	private final Registrations registrations;

	private final AgsClient ags;

	AwardListeners(Awards awards, CourseSyncs syncs, CourseData courseData, Courses courses, Registrations registrations,
			AgsClient ags) {
		this.awards = awards;
		this.syncs = syncs;
		this.courseData = courseData;
		this.courses = courses;
		this.registrations = registrations;
		this.ags = ags;
	}

	@ApplicationModuleListener
	void on(BadgeActivated event) {
		syncs.syncNow(event.contextId());
	}

	@ApplicationModuleListener
	void on(CourseSynced event) {
		int awarded = awards.evaluateCourse(event.contextId());
		if (awarded > 0) {
			log.info("Course {}: {} new award(s) after sync", event.contextId(), awarded);
		}
	}

	/** Posting "earned" again is harmless (same score, newer timestamp), so redelivery does no damage. */
	@ApplicationModuleListener
	void on(BadgeAwarded event) {
		var lineItem = courseData.badgeLinkLineItem(event.contextId(), event.badgeId());
		if (lineItem.isEmpty()) {
			log.info("Badge {} has no gradebook column in course {}: nothing to write back", event.badgeId(), event.contextId());
			return;
		}
		var context = courses.context(event.contextId()).orElseThrow();
		var registration = registrations.find(context.registrationId()).orElseThrow();
		ags.postScore(registration, lineItem.get(), Score.earned(event.userSub(), null));
	}
}
