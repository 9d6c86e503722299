package org.badgebridge.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The admin gives an issuer its LinkedIn organisation id (digits only, optional) on /admin/issuers. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IssuerLinkedInIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Issuers issuers;

	@AfterEach
	void cleared() {
		issuers.setLinkedInOrganization(issuers.defaultIssuer().id(), null);
	}

	String save(String organizationId) throws Exception {
		IssuerProfile d = issuers.defaultIssuer();
		String location = mvc.perform(IssuerTimeZoneIntegrationTest.admin(post("/admin/issuers")).with(csrf())
				.param("id", String.valueOf(d.id())).param("name", d.name()).param("url", IssuerTimeZoneIntegrationTest.blank(d.url()))
				.param("linkedInOrganizationId", organizationId)).andReturn().getResponse().getRedirectedUrl();
		return mvc.perform(IssuerTimeZoneIntegrationTest.admin(get(location))).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theAdminSetsChangesAndClearsIt() throws Exception {
		long id = issuers.defaultIssuer().id();
		String page = save(" 206815 ");
		assertThat(issuers.find(id).orElseThrow().linkedInOrganizationId()).isEqualTo("206815");
		assertThat(page).contains("id=\"linkedin-" + id + "\"", "value=\"206815\"", "LinkedIn organisation id");

		page = save("uu-linkedin");
		assertThat(page).contains("A LinkedIn organisation id is a number");
		assertThat(issuers.find(id).orElseThrow().linkedInOrganizationId()).as("kept").isEqualTo("206815");

		save("");
		assertThat(issuers.find(id).orElseThrow().linkedInOrganizationId()).isNull();
	}
}
