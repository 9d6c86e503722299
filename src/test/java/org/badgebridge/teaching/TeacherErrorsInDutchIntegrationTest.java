package org.badgebridge.teaching;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import org.badgebridge.support.CourseActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the domain refuses in a teacher's set-up (an image, a column, criteria, the awarding switch, a suspension) is
 * said at the field in the page's language: in Dutch when the teacher reads Dutch, never the domain's English
 * sentence.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TeacherErrorsInDutchIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CourseActors actors;

	@Autowired
	JdbcClient jdbc;

	CourseActors.Cast cast;

	String base;

	@BeforeEach
	void cast() {
		cast = actors.cast();
		base = "/lti/teach/badges/" + cast.badge().id();
	}

	@Test
	void aFileThatIsNoImageIsRefusedAtTheImageFieldInDutch() throws Exception {
		String page = follow(multipart(base + "/image")
				.file(new MockMultipartFile("image", "notes.txt", "text/plain", "just some text".getBytes())));
		assertThat(page).contains("id=\"image-error\"", "Het bestand is geen PNG- of SVG-afbeelding.")
				.doesNotContain("The file is not a PNG or SVG image.");
		page = follow(multipart(base + "/image").file(new MockMultipartFile("image", "evil.svg", "image/svg+xml",
				"<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x \"y\">]><svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes())));
		assertThat(page).contains("id=\"image-error\"", "De SVG bevat een DOCTYPE (DTD) of entiteiten");
	}

	@Test
	void aColumnWithoutALabelOrMirroringTheCourseTotalIsRefusedInDutch() throws Exception {
		String page = follow(post(base + "/columns").param("label", " ").param("maximum", "10"));
		assertThat(page).contains("id=\"label-error\"", "Een kolom heeft een naam van ten hoogste 255 tekens nodig.")
				.doesNotContain("A column needs a label");
		page = follow(post(base + "/mirrors").param("label", "Total").param("source", "course total").param("maximum", "10"));
		assertThat(page).contains("id=\"source-error\"", "Een spiegel van het cijfer voor de cursus wordt geweigerd")
				.doesNotContain("A mirror of the course total is refused");
		// this course's LMS sent no address for its gradebook columns: said in Dutch too
		page = follow(post(base + "/columns").param("label", "Eindopdracht").param("maximum", "10"));
		assertThat(page).contains("De leeromgeving heeft deze cursus geen plek gegeven om cijferkolommen aan te maken");
	}

	@Test
	void criteriaThatAreNoJsonOrBreakARuleAreRefusedInDutch() throws Exception {
		String page = follow(post(base + "/criteria").param("json", "{not json"));
		assertThat(page).contains("id=\"json-error\"", "De criteria zijn geen geldige JSON.");
		page = follow(post(base + "/criteria").param("json", "{\"root\":{\"type\":\"score\",\"key\":\"r\","
				+ "\"column\":{\"lineItemId\":\"x\"},\"threshold\":\"percent\",\"value\":150}}"));
		assertThat(page).contains("id=\"json-error\"", "Een drempel in procenten ligt tussen 0 en 100, niet 150");
	}

	@Test
	void theAwardingSwitchSaysInDutchWhyItStaysOff() throws Exception {
		String page = follow(post(base + "/awarding").param("on", "true").param("from", "review"));
		assertThat(page).contains("id=\"awarding-error\"",
				"Stel eerst de criteria van de badge in en zet daarna het uitreiken aan.")
				.doesNotContain("Set the badge&#39;s criteria");
	}

	@Test
	void aSuspensionWithoutAReasonIsRefusedInDutch() throws Exception {
		String page = follow(post(base + "/suspension").param("award", cast.award().id()).param("suspend", "true").param("reason", " "));
		assertThat(page).contains("id=\"flash-error\"", "Geef aan waarom de badge wordt opgeschort.")
				.doesNotContain("Say why the award is suspended");
	}

	private String follow(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		MockHttpServletResponse posted = mvc.perform(request.param("lang", "nl").header("Accept-Language", "nl")
				.cookie(cast.teacher()).with(csrf())).andReturn().getResponse();
		assertThat(posted.getStatus()).isEqualTo(302);
		MockHttpServletResponse page = mvc.perform(get(posted.getRedirectedUrl()).param("lang", "nl").cookie(cast.teacher()))
				.andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		return page.getContentAsString();
	}
}
