package org.badgebridge.console;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.award.IsoWeek;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.CourseRole;
import org.badgebridge.course.CourseSyncs;
import org.badgebridge.course.Courses;
import org.badgebridge.course.LaunchFacts;
import org.badgebridge.course.LaunchRecord;
import org.badgebridge.mail.Outbox;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.AdminLists;
import org.badgebridge.web.Dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard after real data (a platform with courses that synced, failed and never synced; awards made and claimed
 * in past weeks; mails): its figures, and every number's link leads to a list whose total is that number.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DashboardIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	@Autowired
	Courses courses;

	@Autowired
	CourseSyncs syncs;

	@Autowired
	Badges badges;

	@Autowired
	Awards awards;

	@Autowired
	Outbox outbox;

	@Autowired
	Dates dates;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFiguresOfAPlatformItsCoursesAwardsAndMailsAndEachLinkLeadsToAListOfThatMany() throws Exception {
		String issuer = "https://dash-" + System.nanoTime() + ".example.edu";
		Registration platform = registrations.create(new RegistrationValues("Dashboard LMS", issuer, "client", "moodle",
				issuer + "/auth", issuer + "/token", null, issuer + "/jwks", null, List.of("1"), RegistrationState.ACTIVE), "test");
		LaunchRecord synced = launch(platform, "synced", "t1", CourseRole.TEACHER);
		LaunchRecord failing = launch(platform, "failing", "t1", CourseRole.TEACHER);
		launch(platform, "never", "t1", CourseRole.TEACHER);
		jdbc.sql("insert into course_sync (context_id, last_started_at, last_finished_at, duration_ms, outcome) values (?,?,?,?,?)")
				.params(synced.contextId(), 1000L, 2000L, 1000L, "SUCCESS").update();
		assertThat(syncs.sync(failing.contextId()).outcome()).as("no AGS URL: the sync fails").isEqualTo("FAILED");

		BadgeClass badge = badges.create("Dashboard badge", "counts", synced.contextId(), "t1");
		ZoneId zone = dates.zone();
		IsoWeek thisWeek = IsoWeek.of(LocalDate.now(zone));
		IsoWeek threeAgo = IsoWeek.of(LocalDate.now(zone).minusWeeks(3));
		for (int i = 0; i < 3; i++) {
			launch(platform, "synced", "s" + i, CourseRole.LEARNER);
			Award award = awards.awardByHand(badge.id(), "s" + i, "teacher:t1", "test").orElseThrow();
			if (i < 2) { // made three weeks ago, the first claimed this week
				jdbc.sql("update award set awarded_at=? where id=?").params(threeAgo.start(zone).toEpochMilli() + 3600_000L, award.id()).update();
			}
			if (i == 0) {
				awards.markClaimed(award.id());
			}
		}
		outbox.queue("dashboard:" + System.nanoTime(), "dash@example.edu", "Dashboard", "text", "<p>html</p>");

		String page = AdminLists.page(mvc, "/admin");
		String row = page.substring(page.indexOf("id=\"platform-" + platform.id() + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("Dashboard LMS", ">active<");
		List<AdminLists.Figure> own = AdminLists.figures(row);
		assertThat(own).extracting(AdminLists.Figure::value).as("syncing, failing, never").containsExactly(1L, 1L, 1L);
		assertThat(own.get(1).href()).isEqualTo("/admin/syncs?state=FAILING&platform=" + platform.id());

		List<AdminLists.Figure> figures = AdminLists.figures(page);
		assertThat(figure(figures, "week-" + threeAgo + "-awarded").value()).isGreaterThanOrEqualTo(2);
		assertThat(figure(figures, "week-" + thisWeek + "-awarded").value()).isGreaterThanOrEqualTo(1);
		assertThat(figure(figures, "week-" + thisWeek + "-claimed").value()).isGreaterThanOrEqualTo(1);
		assertThat(figure(figures, "award-state-claimed").value()).isGreaterThanOrEqualTo(1);
		assertThat(figure(figures, "mail-state-queued").value()).isGreaterThanOrEqualTo(1);
		assertThat(figures).as("platform rows, courses, 8 weeks × 2, award states, mail states").hasSizeGreaterThanOrEqualTo(3 + 3 + 16 + 4 + 4);
		for (AdminLists.Figure f : figures) {
			assertThat(sameOnceQuiet(f)).as(f.href() + " counts " + f.value()).isTrue();
		}
	}

	@Test
	void theDashboardIsTheAdminsFirstPageInEnglishAndDutch() throws Exception {
		assertThat(AdminLists.page(mvc, "/admin")).contains("<html lang=\"en\"", "<h1>Dashboard</h1>", "Awards and claims per week",
				"Signing keys and their age", "href=\"/admin\">Dashboard</a>");
		assertThat(AdminLists.page(mvc, "/admin/", "nl")).contains("<html lang=\"nl\"", "<h1>Overzicht</h1>",
				"Toekenningen en claims per week", "Ondertekeningssleutels en hun leeftijd");
		mvc.perform(get("/admin")).andExpect(status().isUnauthorized());
		mvc.perform(get("/admin").with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
	}

	@Test
	void theKeysThatSignNowWithTheirAge() throws Exception {
		String page = AdminLists.page(mvc, "/admin");
		assertThat(page).contains("LTI messages and service tokens (tool key)", "made today");
	}

	/**
	 * Whether the figure's list has the figure's total. Other tests' courses may sync (Quartz) between reading the
	 * dashboard and the list: then both are read again, at most twice, until nothing changed in between.
	 */
	boolean sameOnceQuiet(AdminLists.Figure figure) throws Exception {
		long value = figure.value();
		for (int attempt = 0; attempt < 3; attempt++) {
			long total = AdminLists.total(AdminLists.page(mvc, figure.href()));
			long again = AdminLists.figures(AdminLists.page(mvc, "/admin")).stream().filter(f -> f.href().equals(figure.href()))
					.findFirst().orElseThrow().value();
			if (total == value && again == value) {
				return true;
			}
			value = again;
		}
		return false;
	}

	static AdminLists.Figure figure(List<AdminLists.Figure> figures, String id) {
		return figures.stream().filter(f -> id.equals(f.id())).findFirst().orElseThrow(() -> new AssertionError("no figure " + id));
	}

	LaunchRecord launch(Registration r, String course, String sub, CourseRole role) {
		return courses.recordLaunch(new LaunchFacts(r.id(), "1", course, course, "Course " + course, sub, "Person " + sub,
				sub + "@example.edu", "en", List.of(role == CourseRole.TEACHER ? "Instructor" : "Learner"), role, "link-1",
				"Badge link", null, null, null, null, null));
	}
}
