package org.badgebridge.mysql;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.support.AdminLists;
import org.badgebridge.support.CourseActors;
import org.badgebridge.support.MySqlCondition;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's counts and the admin lists' SQL (grouping, filters, orders, paging) on MariaDB as on H2. */
@ExtendWith(MySqlCondition.class)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdminListsMariaDbTest {

	@DynamicPropertySource
	static void mysql(DynamicPropertyRegistry registry) {
		MySqlNodes.datasource(registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	CourseActors actors;

	@Autowired
	org.badgebridge.mail.Outbox outbox;

	@Test
	void theDashboardsNumbersAreTheTotalsOfTheirListsEveryFilterAndOrderRuns() throws Exception {
		CourseActors.Cast cast = actors.cast();
		outbox.queue("mariadb:" + System.nanoTime(), "maria@example.edu", "Hello", "text", "<p>html</p>");
		List<AdminLists.Figure> figures = AdminLists.figures(AdminLists.page(mvc, "/admin"));
		assertThat(figures).hasSizeGreaterThan(20);
		for (AdminLists.Figure f : figures) {
			assertThat(AdminLists.total(AdminLists.page(mvc, f.href()))).as(f.href()).isEqualTo(f.value());
		}
		for (String sort : List.of("queued", "state-desc", "recipient")) {
			assertThat(AdminLists.total(AdminLists.page(mvc, "/admin/outbox?kind=mariadb&recipient=MARIA&from=2020-01-01&sort=" + sort)))
					.isGreaterThanOrEqualTo(1);
		}
		for (String sort : List.of("learner", "awarded-desc", "claimed", "state")) {
			assertThat(AdminLists.total(AdminLists.page(mvc, "/admin/awards?badge=" + cast.badge().id() + "&person=ana&week=2020-W10&sort=" + sort)))
					.isZero();
			assertThat(AdminLists.total(AdminLists.page(mvc, "/admin/awards?badge=" + cast.badge().id() + "&person=ana&sort=" + sort)))
					.isEqualTo(1);
		}
		for (String sort : List.of("title", "synced-desc", "platform", "state")) {
			assertThat(AdminLists.total(AdminLists.page(mvc, "/admin/syncs?platform=" + cast.platformA().id() + "&title=course&state=never&sort=" + sort)))
					.isEqualTo(2);
		}
	}
}
