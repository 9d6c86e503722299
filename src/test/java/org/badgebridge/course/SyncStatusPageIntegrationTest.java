package org.badgebridge.course;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.AdminLists;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync status page: each course's last sync, more courses than a page, filtered, sorted and counted in the database. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SyncStatusPageIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	@Autowired
	Courses courses;

	@Autowired
	CourseSyncs syncs;

	@Autowired
	JdbcClient jdbc;

	Registration platform;

	/** 55 courses: 30 synced, 10 failing, 15 never synced. */
	@BeforeEach
	void courses() {
		String issuer = "https://syncs-" + System.nanoTime() + ".example.edu";
		platform = registrations.create(new RegistrationValues("Sync LMS", issuer, "client", "moodle", issuer + "/auth",
				issuer + "/token", null, issuer + "/jwks", null, List.of("1"), RegistrationState.ACTIVE), "test");
		long base = System.currentTimeMillis() - 3_600_000L;
		for (int i = 0; i < 55; i++) {
			String title = String.format("Sync course %03d", i);
			LaunchRecord r = courses.recordLaunch(new LaunchFacts(platform.id(), "1", "c" + i, null, title, "t1", "Teacher",
					"t1@example.edu", "en", List.of("Instructor"), CourseRole.TEACHER, "link", "Link", null, null, null, null, null));
			if (i < 40) {
				jdbc.sql("insert into course_sync (context_id, last_started_at, last_finished_at, duration_ms, outcome, error) values (?,?,?,?,?,?)")
						.params(r.contextId(), base + i * 1000L - 10, base + i * 1000L, 10L, i < 30 ? "SUCCESS" : "FAILED",
								i < 30 ? null : "The LMS said boom " + i)
						.update();
			}
		}
	}

	@Test
	void pagedLatestFirstWithTheTotalAndEveryColumn() throws Exception {
		String first = AdminLists.page(mvc, "/admin/syncs?platform=" + platform.id());
		assertThat(AdminLists.summary(first)).isEqualTo("1–50 of 55");
		assertThat(AdminLists.cells(first, "sync-course")).hasSize(50).first().isEqualTo("Sync course 039");
		assertThat(first).contains("id=\"col-synced\" aria-sort=\"descending\"", "The LMS said boom 39", "Sync LMS", "<caption");
		String second = AdminLists.page(mvc, "/admin/syncs?platform=" + platform.id() + "&page=2");
		assertThat(AdminLists.summary(second)).isEqualTo("51–55 of 55");
		assertThat(AdminLists.cells(second, "sync-course")).hasSize(5);
		assertThat(AdminLists.cells(second, "sync-next")).as("nothing to award: not scheduled").allMatch(n -> n.startsWith("not scheduled"));
		long scheduledCourse = jdbc.sql("select id from course_context where registration_id=? and lms_context_id='c0'")
				.param(platform.id()).query(Long.class).single();
		syncs.schedule(scheduledCourse);
		String scheduled = AdminLists.page(mvc, "/admin/syncs?platform=" + platform.id() + "&title=000");
		assertThat(AdminLists.cells(scheduled, "sync-next")).as("the next run and the interval").singleElement().asString()
				.contains("then every").doesNotContain("every 0 minutes");
	}

	@Test
	void filteredByStateAndTitle() throws Exception {
		String base = "/admin/syncs?platform=" + platform.id();
		assertThat(AdminLists.total(AdminLists.page(mvc, base + "&state=OK"))).isEqualTo(30);
		assertThat(AdminLists.total(AdminLists.page(mvc, base + "&state=FAILING"))).isEqualTo(10);
		assertThat(AdminLists.total(AdminLists.page(mvc, base + "&state=never"))).isEqualTo(15);
		assertThat(AdminLists.total(AdminLists.page(mvc, base + "&title=00"))).as("000 to 009").isEqualTo(10);
		assertThat(AdminLists.total(AdminLists.page(mvc, base + "&state=OK&title=00"))).isEqualTo(10);
		assertThat(AdminLists.total(AdminLists.page(mvc, base + "&title=SYNC"))).as("any case").isEqualTo(55);
	}

	@Test
	void sortedByTitleBothWays() throws Exception {
		String base = "/admin/syncs?platform=" + platform.id();
		String up = AdminLists.page(mvc, base + "&sort=title");
		assertThat(AdminLists.cells(up, "sync-course").get(0)).isEqualTo("Sync course 000");
		assertThat(up).contains("id=\"col-title\" aria-sort=\"ascending\"");
		String down = AdminLists.page(mvc, base + "&sort=title-desc");
		assertThat(AdminLists.cells(down, "sync-course").get(0)).isEqualTo("Sync course 054");
		assertThat(down).contains("id=\"col-title\" aria-sort=\"descending\"");
	}

	@Test
	void inDutch() throws Exception {
		assertThat(AdminLists.page(mvc, "/admin/syncs?platform=" + platform.id(), "nl")).contains("<html lang=\"nl\"", "1–50 van 55",
				"Synchronisatie van de cursussen", "nooit");
	}
}
