package org.badgebridge.claim;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.badgebridge.support.CourseActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the learner's side refuses (an email confirmation code, an address the tool has already, an approval request
 * without such a criterion) is said on the badge panel in Dutch when the learner reads Dutch, at the field concerned.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LearnerErrorsInDutchIntegrationTest {

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
		base = "/lti/learn/badges/" + cast.badge().id();
	}

	@Test
	void aWrongConfirmationCodeIsRefusedAtTheCodeFieldInDutch() throws Exception {
		jdbc.sql("update course_member set email=null where context_id=? and user_sub='s2'").param(cast.badge().contextId()).update();
		String page = follow(post(base + "/email/confirm").param("code", "123456"), cast.otherLearner());
		assertThat(page).contains("Vraag eerst een code aan.").doesNotContain("Ask for a code first.");
		follow(post(base + "/email").param("email", "ben@student.example.nl"), cast.otherLearner());
		page = follow(post(base + "/email/confirm").param("code", "abcdef"), cast.otherLearner());
		assertThat(page).contains("Die code klopt niet. Pogingen over: 4.").doesNotContain("That code is not right.");
	}

	@Test
	void anAddressTheToolHasAlreadyIsSaidInDutch() throws Exception {
		String page = follow(post(base + "/email").param("email", "ana@student.example.nl"), cast.learner());
		assertThat(page).contains("BadgeBridge heeft je e-mailadres al uit je leeromgeving").doesNotContain("already has your email");
	}

	@Test
	void anApprovalRequestForNoSuchCriterionIsRefusedInDutch() throws Exception {
		String page = follow(post(base + "/approval-requests").param("criterion", "nothing-like-it"), cast.otherLearner());
		assertThat(page).contains("Er is geen goedkeuring met die naam om aan te vragen.")
				.doesNotContain("There is no such approval");
	}

	private String follow(MockHttpServletRequestBuilder request, jakarta.servlet.http.Cookie who) throws Exception {
		MockHttpServletResponse posted = mvc.perform(request.param("lang", "nl").cookie(who).with(csrf())).andReturn().getResponse();
		assertThat(posted.getStatus()).isEqualTo(302);
		MockHttpServletResponse page = mvc.perform(get(posted.getRedirectedUrl()).param("lang", "nl").cookie(who)).andReturn()
				.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		return page.getContentAsString();
	}
}
