package org.badgebridge.course;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.badgebridge.course.internal.SyncSettings;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The admin's sync settings page: defaults shown, values saved with a notice, a wrong value explained at its field. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SyncSettingsPageIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	@Autowired
	Courses courses;

	@Autowired
	SyncSettings settings;

	static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Basic "
				+ Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8)));
	}

	Registration platform(String name) {
		return registrations.create(new RegistrationValues(name, "https://" + name + ".example.edu", "c", "moodle",
				"https://" + name + ".example.edu/auth", "https://" + name + ".example.edu/token", null,
				"https://" + name + ".example.edu/certs", null, List.of("1"), RegistrationState.ACTIVE), "test");
	}

	String follow(MockHttpServletResponse response, String language) throws Exception {
		assertThat(response.getStatus()).isEqualTo(302);
		return mvc.perform(admin(get(response.getRedirectedUrl())).header("Accept-Language", language)).andReturn().getResponse()
				.getContentAsString();
	}

	@Test
	void onlyTheAdminSeesThePage() throws Exception {
		assertThat(mvc.perform(get("/admin/sync-settings")).andReturn().getResponse().getStatus()).isEqualTo(401);
		String page = mvc.perform(admin(get("/admin/sync-settings"))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Sync settings", "(default 50s)", "(default 1h)", "(default 4000)");
		String dutch = mvc.perform(admin(get("/admin/sync-settings")).header("Accept-Language", "nl")).andReturn().getResponse()
				.getContentAsString();
		assertThat(dutch).contains("<html lang=\"nl\"", "Synchronisatie-instellingen", "(standaard 50s)");
	}

	@Test
	void aPlatformsIntervalsAndBudgetAreSavedAndShown() throws Exception {
		Registration r = platform("saved" + System.nanoTime());
		String page = follow(mvc.perform(admin(post("/admin/sync-settings/platforms/" + r.id())).with(csrf()).param("active", "2m")
				.param("idle", "3h").param("budget", "600")).andReturn().getResponse(), "en");
		assertThat(page).contains("The platform&#39;s sync settings are saved.", "value=\"2m\"", "value=\"3h\"", "value=\"600\"");
		assertThat(settings.requestsPerMinute(r.id())).isEqualTo(600);
	}

	@Test
	void aWrongValueIsExplainedAtItsFieldAndNothingIsSaved() throws Exception {
		Registration r = platform("wrong" + System.nanoTime());
		String page = follow(mvc.perform(admin(post("/admin/sync-settings/platforms/" + r.id())).header("Accept-Language", "nl")
				.with(csrf()).param("active", "5m")
				.param("idle", "1m").param("budget", "")).andReturn().getResponse(), "nl");
		assertThat(page).contains("id=\"idle-" + r.id() + "-error\"", "Het rustinterval kan niet korter zijn dan het actieve interval.",
				"aria-describedby=\"idle-" + r.id() + "-error\"");
		assertThat(settings.platforms()).filteredOn(p -> p.registrationId() == r.id()).singleElement()
				.satisfies(p -> assertThat(p.active()).isNull());
	}

	@Test
	void aCoursesOwnIntervalsAreListedAndRemoved() throws Exception {
		Registration r = platform("course" + System.nanoTime());
		long contextId = courses.recordLaunch(new LaunchFacts(r.id(), "1", "ctx", "BIO", "Biology", "3", "Terry", null, "en",
				List.of("Instructor"), CourseRole.TEACHER, null, null, null, null, null, null, null)).contextId();
		String page = follow(mvc.perform(admin(post("/admin/sync-settings/courses")).with(csrf()).param("course", Long.toString(contextId))
				.param("active", "30s").param("idle", "")).andReturn().getResponse(), "en");
		assertThat(page).contains("The course&#39;s intervals are saved.", contextId + " · Biology", "30s");
		assertThat(settings.rule(contextId).active()).hasSeconds(30);
		String unknown = follow(mvc.perform(admin(post("/admin/sync-settings/courses")).with(csrf()).param("course", "abc")
				.param("active", "30s")).andReturn().getResponse(), "en");
		assertThat(unknown).contains("id=\"course-id-error\"", "There is no course with that number.");
		follow(mvc.perform(admin(post("/admin/sync-settings/courses/" + contextId + "/remove")).with(csrf())).andReturn().getResponse(), "en");
		assertThat(settings.rule(contextId).active()).isEqualTo(settings.defaults().active());
	}
}
