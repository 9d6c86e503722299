package org.badgebridge.claim;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgeImages;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Issuers;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.credential.BadgePngs;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

/**
 * A course of its own for a learner-mail test: a platform, an issuer "Hogeschool Voorbeeld" (NL, with a logo), the
 * course "Datageletterdheid" and its badge "Data Literacy" with an image; learners launch and are awarded by hand.
 * Import it with {@code @Import(LearnerCourse.class)} and call {@link #open()} before each test.
 */
@TestComponent
public class LearnerCourse {

	public static final String ISSUER = "Hogeschool Voorbeeld";

	@Autowired
	Registrations registrations;

	@Autowired
	Courses courses;

	@Autowired
	Badges badges;

	@Autowired
	BadgeImages images;

	@Autowired
	BadgePngs pngs;

	@Autowired
	Issuers issuers;

	@Autowired
	Awards awards;

	Registration registration;

	String course;

	BadgeClass badge;

	public LearnerCourse open() {
		String base = "https://lms-" + UUID.randomUUID() + ".example.nl";
		registration = registrations.create(new RegistrationValues("LMS", base, "client", "moodle", base + "/auth", base + "/token",
				null, base + "/certs", null, List.of("1"), RegistrationState.ACTIVE), "test");
		long issuerId = issuers.save(null, ISSUER, "https://www.voorbeeld.example.nl", null, "NL", null, registration.id()).id();
		images.storeIssuerLogo(issuerId, pngs.medal());
		course = UUID.randomUUID().toString();
		long contextId = launch("teacher", "teacher@example.nl", "en", CourseRole.TEACHER);
		badge = badges.create("Data Literacy", "Reads and judges data", contextId, "teacher", registration.id());
		images.store(badge.id(), pngs.medal());
		return this;
	}

	public BadgeClass badge() {
		return badge;
	}

	public long launch(String sub, String email, String locale, CourseRole role) {
		return courses.recordLaunch(new LaunchFacts(registration.id(), "1", course, "DL", "Datageletterdheid", sub, "Name " + sub, email,
				locale, List.of(role == CourseRole.TEACHER ? "Instructor" : "Learner"), role, "1", "Badge", null, null, null, List.of(),
				null)).contextId();
	}

	/** The learner launches (address {@code sub@example.nl}) and the teacher awards them the badge by hand. */
	public Award awarded(String sub, String locale) {
		launch(sub, sub + "@example.nl", locale, CourseRole.LEARNER);
		return awards.awardByHand(badge.id(), sub, "teacher:teacher", "Final project passed").orElseThrow();
	}
}
