package org.badgebridge.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.mail.Outbox;
import org.badgebridge.web.Dates;

/**
 * Times are stored in UTC and shown in the institution's time zone: the issuer profile's (default Europe/Amsterdam),
 * which the admin sets on /admin/issuers; the outbox page shows its times in the default issuer's zone and names it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IssuerTimeZoneIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Issuers issuers;

	@Autowired
	Outbox outbox;

	@Autowired
	Dates dates;

	static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Basic "
				+ Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8)));
	}

	IssuerProfile before;

	@org.junit.jupiter.api.BeforeEach
	void remember() {
		before = issuers.defaultIssuer();
	}

	/** Saves the default issuer as it is, with another time zone (other test classes share this issuer). */
	MockHttpServletResponse saveDefault(String zone) throws Exception {
		return saveDefault(zone, "en");
	}

	MockHttpServletResponse saveDefault(String zone, String language) throws Exception {
		IssuerProfile d = issuers.defaultIssuer();
		return mvc.perform(admin(post("/admin/issuers")).header("Accept-Language", language).with(csrf()).param("id", String.valueOf(d.id())).param("name", d.name())
				.param("url", blank(d.url())).param("email", blank(d.email())).param("country", blank(d.country()))
				.param("description", blank(d.description())).param("timeZone", zone)).andReturn().getResponse();
	}

	static String blank(String s) {
		return s == null ? "" : s;
	}

	@AfterEach
	void backAsItWas() {
		issuers.save(before.id(), before.name(), before.url(), before.email(), before.country(), before.description(),
				before.registrationId(), "Europe/Amsterdam");
	}

	@Test
	void aNewIssuerIsInAmsterdamAndTheAdminPageOffersTheZones() throws Exception {
		assertThat(issuers.defaultIssuer().zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
		String page = mvc.perform(admin(get("/admin/issuers"))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Time zone", "<option value=\"Europe/Amsterdam\" selected=\"selected\">Europe/Amsterdam</option>",
				"<option value=\"Asia/Tokyo\">Asia/Tokyo</option>");
	}

	@Test
	void theAdminSetsTheZoneAndTimesOnThePagesFollowItNamingIt() throws Exception {
		assertThat(saveDefault("Asia/Tokyo").getStatus()).isEqualTo(302);
		assertThat(issuers.defaultIssuer().zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
		assertThat(mvc.perform(admin(get("/admin/issuers"))).andReturn().getResponse().getContentAsString())
				.contains("<option value=\"Asia/Tokyo\" selected=\"selected\">Asia/Tokyo</option>");

		outbox.queue("zone-test:" + System.nanoTime(), "zone@example.edu", "Zone test", "text", "<p>html</p>");
		OutgoingMail mail = outbox.recent(200).stream().filter(m -> m.recipient().equals("zone@example.edu")).findFirst().orElseThrow();
		String page = mvc.perform(admin(get("/admin/outbox"))).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Times in the time zone Asia/Tokyo.", "Japan Standard Time",
				"queued " + dates.format(mail.createdAt(), ZoneId.of("Asia/Tokyo"), Locale.ENGLISH));
		String dutch = mvc.perform(admin(get("/admin/outbox")).header("Accept-Language", "nl")).andReturn().getResponse()
				.getContentAsString();
		assertThat(dutch).contains("<html lang=\"nl\"", "Tijden in de tijdzone Asia/Tokyo.", "Japanse standaardtijd");
	}

	@Test
	void anUnknownZoneIsRefusedAndTheStoredOneStays() throws Exception {
		MockHttpServletResponse refused = saveDefault("Mars/Olympus");
		assertThat(refused.getStatus()).isEqualTo(302);
		assertThat(issuers.defaultIssuer().zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
		String page = mvc.perform(admin(get(refused.getRedirectedUrl()))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Mars/Olympus", "is not a time zone: use a name such as Europe/Amsterdam");
	}

	@Test
	void anUnknownZoneIsRefusedInDutchForADutchAdmin() throws Exception {
		MockHttpServletResponse refused = saveDefault("Mars/Olympus", "nl");
		String page = mvc.perform(admin(get(refused.getRedirectedUrl())).header("Accept-Language", "nl")).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("&quot;Mars/Olympus&quot; is geen tijdzone: gebruik een naam zoals Europe/Amsterdam.");
	}
}
