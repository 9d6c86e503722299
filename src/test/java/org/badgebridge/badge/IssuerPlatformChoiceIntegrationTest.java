package org.badgebridge.badge;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** An issuer profile's platform is picked from the registrations by name (issuer URL as a hint), never typed as an id. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IssuerPlatformChoiceIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	@Autowired
	Issuers issuers;

	Registration register(String name) {
		String issuer = "https://lms-" + System.nanoTime() + ".example.edu";
		return registrations.create(new RegistrationValues(name, issuer, "c", "moodle", issuer + "/auth", issuer + "/token", null,
				issuer + "/jwks", null, List.of("1"), RegistrationState.ACTIVE), "test");
	}

	String page() throws Exception {
		return mvc.perform(get("/admin/issuers").with(httpBasic("admin", "test-admin-password"))).andReturn().getResponse()
				.getContentAsString();
	}

	@Test
	void theNewIssuerFormOffersTheRegistrationsByNameAndCreatesTheChosenOnesProfile() throws Exception {
		Registration r = register("Moodle of Northfield");
		String page = page();
		assertThat(page).contains("<select name=\"registrationId\" id=\"registration-new\"",
				"<option value=\"" + r.id() + "\">Moodle of Northfield (" + r.issuer() + ")</option>");
		assertThat(page).doesNotContain("type=\"text\" name=\"registrationId\"");

		String back = mvc.perform(post("/admin/issuers").with(httpBasic("admin", "test-admin-password")).with(csrf())
				.param("registrationId", String.valueOf(r.id())).param("name", "Northfield College").param("timeZone", "Europe/Amsterdam"))
				.andReturn().getResponse().getRedirectedUrl();
		assertThat(issuers.forRegistration(r.id()).name()).isEqualTo("Northfield College");
		String after = mvc.perform(get(back).with(httpBasic("admin", "test-admin-password"))).andReturn().getResponse().getContentAsString();
		assertThat(after).contains("Issuer saved.", "Issuer of Moodle of Northfield")
				.doesNotContain("<option value=\"" + r.id() + "\">"); // it has its profile now: no longer offered
	}

	@Test
	void anIdThatIsNoRegistrationIsRefusedAtTheField() throws Exception {
		int before = issuers.all().size();
		String back = mvc.perform(post("/admin/issuers").with(httpBasic("admin", "test-admin-password")).with(csrf())
				.param("registrationId", "987654321").param("name", "Nobody"))
				.andReturn().getResponse().getRedirectedUrl();
		assertThat(issuers.all()).hasSize(before);
		String page = mvc.perform(get(back).with(httpBasic("admin", "test-admin-password"))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"registration-error\"", "Choose a platform registration from the list", "aria-invalid=\"true\"");
		String dutch = mvc.perform(post("/admin/issuers?lang=nl").with(httpBasic("admin", "test-admin-password")).with(csrf())
				.param("registrationId", "987654321").param("name", "Niemand")).andReturn().getResponse().getRedirectedUrl();
		assertThat(mvc.perform(get(dutch).with(httpBasic("admin", "test-admin-password"))).andReturn().getResponse()
				.getContentAsString()).contains("Kies een platformregistratie uit de lijst");
	}
}
