package org.badgebridge.award;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.course.LaunchRecord;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.AdminLists;
import org.badgebridge.web.Dates;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin's awards list: more awards than a page, filtered, sorted and counted in the database, with totals per state. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AwardListIntegrationTest {

	static final IsoWeek WEEK = new IsoWeek(2020, 10);

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	@Autowired
	Courses courses;

	@Autowired
	Badges badges;

	@Autowired
	Awards awards;

	@Autowired
	Dates dates;

	@Autowired
	JdbcClient jdbc;

	BadgeClass badge;

	/** 55 awards of one badge, made in 2020-W10 a second apart; 5 claimed (the 2nd week after), 2 revoked. */
	@BeforeEach
	void awards() {
		String issuer = "https://awards-" + System.nanoTime() + ".example.edu";
		Registration platform = registrations.create(new RegistrationValues("Award LMS", issuer, "client", "moodle", issuer + "/auth",
				issuer + "/token", null, issuer + "/jwks", null, List.of("1"), RegistrationState.ACTIVE), "test");
		LaunchRecord teacher = launch(platform, "t1", "Teacher", CourseRole.TEACHER);
		badge = badges.create("List badge " + System.nanoTime(), "counts", teacher.contextId(), "t1");
		ZoneId zone = dates.zone();
		for (int i = 0; i < 55; i++) {
			launch(platform, "s" + i, String.format("Learner %03d", i), CourseRole.LEARNER);
			Award award = awards.awardByHand(badge.id(), "s" + i, "teacher:t1", "test").orElseThrow();
			jdbc.sql("update award set awarded_at=? where id=?").params(WEEK.start(zone).toEpochMilli() + 3_600_000L + i * 1000L, award.id())
					.update();
			if (i < 5) {
				jdbc.sql("update award set claimed_at=? where id=?").params(WEEK.end(zone).toEpochMilli() + 7 * 86_400_000L, award.id()).update();
			}
			if (i == 5 || i == 6) {
				awards.revoke(award.id(), "teacher:t1", "mistake");
			}
		}
	}

	@Test
	void pagedNewestFirstWithTheTotalsPerState() throws Exception {
		String first = AdminLists.page(mvc, "/admin/awards?badge=" + badge.id());
		assertThat(AdminLists.summary(first)).isEqualTo("1–50 of 55");
		assertThat(AdminLists.cells(first, "award-learner")).hasSize(50).first().isEqualTo("Learner 054");
		assertThat(AdminLists.cells(first, "award-badge")).allMatch(badge.name()::equals);
		assertThat(AdminLists.cells(first, "award-course")).allMatch("Course course-1"::equals);
		assertThat(first).contains(">earned, not claimed 48<", ">claimed 5<", ">revoked 2<", ">suspended 0<",
				"id=\"col-awarded\" aria-sort=\"descending\"");
		String second = AdminLists.page(mvc, "/admin/awards?badge=" + badge.id() + "&page=2");
		assertThat(AdminLists.summary(second)).isEqualTo("51–55 of 55");
		assertThat(AdminLists.cells(second, "award-learner")).containsExactly("Learner 004", "Learner 003", "Learner 002",
				"Learner 001", "Learner 000");
	}

	@Test
	void sortedBothWays() throws Exception {
		String base = "/admin/awards?badge=" + badge.id();
		assertThat(AdminLists.cells(AdminLists.page(mvc, base + "&sort=awarded"), "award-learner").get(0)).isEqualTo("Learner 000");
		String byName = AdminLists.page(mvc, base + "&sort=learner-desc");
		assertThat(AdminLists.cells(byName, "award-learner").get(0)).isEqualTo("Learner 054");
		assertThat(byName).contains("id=\"col-learner\" aria-sort=\"descending\"");
		assertThat(AdminLists.cells(AdminLists.page(mvc, base + "&sort=claimed-desc"), "award-learner").get(0))
				.as("claimed last first, then by id: one of the five").matches("Learner 00[0-4]");
	}

	@Test
	void filteredByStatePersonCourseAndWeek() throws Exception {
		String base = "/admin/awards?badge=" + badge.id();
		assertThat(AdminLists.total(AdminLists.page(mvc, base + "&state=CLAIMED"))).isEqualTo(5);
		assertThat(AdminLists.total(AdminLists.page(mvc, base + "&state=revoked"))).isEqualTo(2);
		assertThat(AdminLists.total(AdminLists.page(mvc, base + "&person=01"))).as("001, 010 to 019").isEqualTo(11);
		assertThat(AdminLists.total(AdminLists.page(mvc, base + "&person=LEARNER"))).as("any case").isEqualTo(55);
		assertThat(AdminLists.total(AdminLists.page(mvc, base + "&week=" + WEEK))).isEqualTo(55);
		assertThat(AdminLists.total(AdminLists.page(mvc, base + "&week=2020-W11"))).isZero();
		assertThat(AdminLists.total(AdminLists.page(mvc, base + "&week=2020-W12&on=claimed"))).isEqualTo(5);
		assertThat(AdminLists.total(AdminLists.page(mvc, base + "&from=2020-03-02&to=2020-03-08"))).isEqualTo(55);
		long context = badge.contextId();
		assertThat(AdminLists.total(AdminLists.page(mvc, "/admin/awards?course=" + context))).isEqualTo(55);
	}

	@Test
	void inDutch() throws Exception {
		assertThat(AdminLists.page(mvc, "/admin/awards?badge=" + badge.id(), "nl")).contains("<html lang=\"nl\"", "1–50 van 55",
				"Toekenningen", "verdiend, niet geclaimd 48");
	}

	LaunchRecord launch(Registration r, String sub, String name, CourseRole role) {
		return courses.recordLaunch(new LaunchFacts(r.id(), "1", "course-1", "course-1", "Course course-1", sub, name,
				sub + "@example.edu", "en", List.of(role == CourseRole.TEACHER ? "Instructor" : "Learner"), role, "link-1",
				"Badge link", null, null, null, null, null));
	}
}
