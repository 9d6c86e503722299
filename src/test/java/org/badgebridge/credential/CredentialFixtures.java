package org.badgebridge.credential;

import java.util.List;

import org.springframework.stereotype.Component;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgeDetails;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

/** Makes a course with a learner, a micro-credential badge with every EU element, and an award of it (claimed or not). */
@Component
public class CredentialFixtures {

	private final Registrations registrations;

	private final Courses courses;

	private final Badges badges;

	private final Awards awards;

	public CredentialFixtures(Registrations registrations, Courses courses, Badges badges, Awards awards) {
		this.registrations = registrations;
		this.courses = courses;
		this.badges = badges;
		this.awards = awards;
	}

	public record Made(BadgeClass badge, Award award) {
	}

	public Made claimedMicroCredential(String email) {
		Made made = awardedMicroCredential(email);
		awards.markClaimed(made.award().id());
		return new Made(made.badge(), awards.find(made.award().id()).orElseThrow());
	}

	/** The same, awarded but not claimed yet. */
	public Made awardedMicroCredential(String email) {
		String issuerName = "https://vc-" + System.nanoTime() + ".example.edu";
		Registration r = registrations.create(new RegistrationValues("LMS", issuerName, "c", "moodle", issuerName + "/auth",
				issuerName + "/token", null, issuerName + "/jwks", null, List.of("1"), RegistrationState.ACTIVE), "test");
		long contextId = courses.recordLaunch(new LaunchFacts(r.id(), "1", "2", "C", "Course", "5", "Sue Second",
				email, "en", List.of("Learner"), CourseRole.LEARNER, "1", "Link", null, null, null, null, null)).contextId();
		BadgeClass badge = badges.create("Data Literacy", "Reads and judges data", contextId, "3");
		badge = badges.update(badge.id(), badge.name(), badge.description(), new BadgeDetails("Pass the final project.", true,
				"- analyses a data set\n- judges a chart", 5.0, "ECTS", "6", "Written exam and project", "ONLINE",
				"ESG 2015, internal and external quality assurance (https://npuls.nl/doorbouwen-aan-microcredentials)", "en",
				null, "STACKABLE", 24, "Example University", "NL"));
		Award award = awards.awardByHand(badge.id(), "5", "teacher:3", "Final project passed").orElseThrow();
		return new Made(badge, award);
	}
}
