package org.badgebridge.support;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.course.LaunchRecord;
import org.badgebridge.launch.ToolSession;
import org.badgebridge.launch.ToolSessions;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

/**
 * The people of an authorization test, with tool sessions as a launch would leave them: in course A of platform A a
 * teacher, a learner with an award of A's badge and a second learner; a teacher of another course on the same platform;
 * a teacher of a course on platform B whose link names A's badge (a badge id is public); a teacher in the middle of
 * a Deep Linking request in course A.
 */
@Component
public class CourseActors {

	public record Cast(Registration platformA, Registration platformB, BadgeClass badge, Award award, Cookie teacher,
			Cookie learner, Cookie otherLearner, Cookie teacherOtherCourse, Cookie teacherOtherPlatform, Cookie deepLinkingTeacher,
			String backpackAccount) {
	}

	/** The backpack session cookie's name (the account module's {@code BackpackSessions.COOKIE}). */
	public static final String BACKPACK_COOKIE = "bb_backpack";

	private final Registrations registrations;

	private final Courses courses;

	private final ToolSessions sessions;

	private final Badges badges;

	private final Awards awards;

	private final JdbcClient jdbc;

	public CourseActors(Registrations registrations, Courses courses, ToolSessions sessions, Badges badges, Awards awards,
			JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.registrations = registrations;
		this.courses = courses;
		this.sessions = sessions;
		this.badges = badges;
		this.awards = awards;
	}

	public Cast cast() {
		Registration a = platform("a");
		Registration b = platform("b");
		LaunchRecord teacherA = launch(a, "course-1", "t1", "Terry Teacher", CourseRole.TEACHER);
		BadgeClass badge = badges.create("Data Literacy", "Reads data", teacherA.contextId(), "t1");
		LaunchRecord learnerA = launch(a, "course-1", "s1", "Ana Li", CourseRole.LEARNER);
		LaunchRecord otherA = launch(a, "course-1", "s2", "Ben Second", CourseRole.LEARNER);
		Award award = awards.awardByHand(badge.id(), "s1", "teacher:t1", "by hand").orElseThrow();
		LaunchRecord otherCourse = launch(a, "course-2", "t1", "Terry Teacher", CourseRole.TEACHER);
		// platform B's admin controls its launches: same subject as A's learner, and a link naming A's badge
		LaunchRecord otherPlatform = launch(b, "course-1", "s1", "Mallory", CourseRole.TEACHER);
		return new Cast(a, b, badge, award, cookie(a, teacherA, "t1", CourseRole.TEACHER, badge.id(), null),
				cookie(a, learnerA, "s1", CourseRole.LEARNER, badge.id(), null),
				cookie(a, otherA, "s2", CourseRole.LEARNER, badge.id(), null),
				cookie(a, otherCourse, "t1", CourseRole.TEACHER, badge.id(), null),
				cookie(b, otherPlatform, "s1", CourseRole.TEACHER, badge.id(), null),
				cookie(a, teacherA, "t1", CourseRole.TEACHER, null,
						"{\"deep_link_return_url\":\"https://lms-a.example.edu/return\",\"accept_types\":[\"ltiResourceLink\"]}"),
				backpackAccount(award));
	}

	/**
	 * An account of the backpack (a learner who claimed a badge somewhere) holding the cast's award, as the account
	 * module stores it; without an award, one that holds none.
	 */
	private String backpackAccount(Award award) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("insert into account (id, created_at) values (?,?)").params(id, System.currentTimeMillis()).update();
		jdbc.sql("insert into account_address (address, account_id, verified_at) values (?,?,?)")
				.params("holder-" + id + "@example.org", id, System.currentTimeMillis()).update();
		if (award != null) {
			jdbc.sql("insert into account_award (award_id, account_id, claimed_at) values (?,?,?)")
					.params(award.id(), id, System.currentTimeMillis()).update();
		}
		return id;
	}

	/** A fresh backpack session of another account, one that holds none of the cast's awards. */
	public Cookie otherBackpackHolder() {
		return session(backpackAccount(null));
	}

	/**
	 * A fresh backpack session of the cast's account (a fresh one per request: signing out ends the one it was given),
	 * stored as the account module stores one: only the SHA-256 of the cookie's value.
	 */
	public Cookie backpackHolder(Cast cast) {
		return session(cast.backpackAccount());
	}

	private Cookie session(String account) {
		return session(jdbc, account);
	}

	/**
	 * A fresh backpack session of the account an award was claimed into (waiting for the account module's listener to
	 * record the claim), as a holder who signed in has.
	 */
	public static Cookie backpackSessionForAward(JdbcClient jdbc, String awardId) {
		String account = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
				.until(() -> jdbc.sql("select account_id from account_award where award_id=?").param(awardId).query(String.class)
						.optional(), java.util.Optional::isPresent).get();
		return session(jdbc, account);
	}

	private static Cookie session(JdbcClient jdbc, String account) {
		String value = (UUID.randomUUID() + "" + UUID.randomUUID()).replace("-", "");
		long now = System.currentTimeMillis();
		jdbc.sql("insert into account_session (id_hash, account_id, created_at, expires_at) values (?,?,?,?)")
				.params(sha256(value), account, now, now + 3_600_000).update();
		return new Cookie(BACKPACK_COOKIE, value);
	}

	static String sha256(String value) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Registration platform(String name) {
		String issuer = "https://lms-" + name + "-" + System.nanoTime() + ".example.edu";
		return registrations.create(new RegistrationValues("LMS " + name, issuer, "client-" + name, "moodle", issuer + "/auth",
				issuer + "/token", null, issuer + "/jwks", null, List.of("1"), RegistrationState.ACTIVE), "test");
	}

	private LaunchRecord launch(Registration r, String course, String sub, String name, CourseRole role) {
		return courses.recordLaunch(new LaunchFacts(r.id(), "1", course, course, "Course " + course, sub, name,
				sub + "@example.edu", "en", List.of(role == CourseRole.TEACHER ? "Instructor" : "Learner"), role, "link-1",
				"Badge link", null, null, null, null, null));
	}

	private Cookie cookie(Registration r, LaunchRecord record, String sub, CourseRole role, String badgeId, String deepLinking) {
		ToolSession s = sessions.create(r.id(), "1", record.contextId(), record.memberId(), sub, sub, role, "en",
				record.resourceLinkId(), badgeId, deepLinking);
		return new Cookie(ToolSessions.COOKIE, s.id());
	}
}
