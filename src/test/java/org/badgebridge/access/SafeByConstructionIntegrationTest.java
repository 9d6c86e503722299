package org.badgebridge.access;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.award.Awards;
import org.badgebridge.badge.BadgeDetails;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Criteria;
import org.badgebridge.badge.Criterion;
import org.badgebridge.support.CourseActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The findings of "Safe by construction (1 of 2)", each as it was found: a badge reached from another course or
 * platform, a learner posting a teacher's action, notices lost inside the LMS frame, a raw JSON body for bad input.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SafeByConstructionIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CourseActors actors;

	@Autowired
	Awards awards;

	@Autowired
	Badges badges;

	CourseActors.Cast cast;

	@BeforeEach
	void cast() {
		cast = actors.cast();
	}

	@Test
	void anInstructorOfAnotherPlatformWhoseLinkNamesTheBadgeSeesNothingOfTheCourse() throws Exception {
		MockHttpServletResponse page = mvc.perform(get("/lti/teach/badges/" + cast.badge().id()).cookie(cast.teacherOtherPlatform()))
				.andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(403);
		assertThat(page.getContentAsString()).contains("belongs to another course").doesNotContain("Ana Li", "Ben Second",
				cast.award().id());
		// the role-neutral address sends them on, where the same refusal waits
		assertThat(mvc.perform(get("/lti/badges/" + cast.badge().id()).cookie(cast.teacherOtherPlatform())).andReturn()
				.getResponse().getRedirectedUrl()).isEqualTo("/lti/teach/badges/" + cast.badge().id());
	}

	@Test
	void aLearnerLaunchFromAnotherPlatformWithTheVictimsSubjectSeesNoProgress() throws Exception {
		// platform B's admin can sign any subject: "s1" is A's learner, who holds an award of A's badge
		Cookie mallory = cast.teacherOtherPlatform();
		MockHttpServletResponse page = mvc.perform(get("/lti/learn/badges/" + cast.badge().id()).cookie(mallory)).andReturn()
				.getResponse();
		assertThat(page.getStatus()).isEqualTo(403);
		assertThat(page.getContentAsString()).doesNotContain("You earned this badge").doesNotContain("id=\"progress\"");
		assertThat(mvc.perform(get("/lti/learn/badges/" + cast.badge().id() + "/credential.json").cookie(mallory)).andReturn()
				.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aLearnerCannotRevokeSuspendOrAward() throws Exception {
		for (String action : new String[] { "revoke", "suspension", "award", "resend" }) {
			MockHttpServletResponse response = mvc.perform(post("/lti/teach/badges/" + cast.badge().id() + "/" + action)
					.cookie(cast.learner()).with(csrf()).param("award", cast.award().id()).param("reason", "because")
					.param("suspend", "true").param("learner", "s2")).andReturn().getResponse();
			assertThat(response.getStatus()).as(action).isEqualTo(403);
		}
		var award = awards.find(cast.award().id()).orElseThrow();
		assertThat(award.revoked()).isFalse();
		assertThat(award.suspended()).isFalse();
		assertThat(awards.forLearner(cast.badge().id(), cast.badge().contextId(), "s2")).isEmpty();
		// the course's teacher can
		mvc.perform(post("/lti/teach/badges/" + cast.badge().id() + "/revoke").cookie(cast.teacher()).with(csrf())
				.param("award", cast.award().id()).param("reason", "Plagiarism found")).andReturn();
		assertThat(awards.find(cast.award().id()).orElseThrow().revoked()).isTrue();
	}

	@Test
	void aTeacherActsOnlyOnAwardsOfTheirBadgeAndCourse() throws Exception {
		CourseActors.Cast other = actors.cast();
		MockHttpServletResponse response = mvc.perform(post("/lti/teach/badges/" + cast.badge().id() + "/revoke")
				.cookie(cast.teacher()).with(csrf()).param("award", other.award().id()).param("reason", "x")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(awards.find(other.award().id()).orElseThrow().revoked()).isFalse();
	}

	@Test
	void noticesSurviveTheRedirectWithoutAServletSessionAndOnlyOnce() throws Exception {
		MockHttpServletResponse posted = mvc.perform(post("/lti/teach/badges/" + cast.badge().id() + "/sync")
				.cookie(cast.teacher()).with(csrf())).andReturn().getResponse();
		assertThat(posted.getStatus()).isEqualTo(302);
		assertThat(posted.getHeaders(HttpHeaders.SET_COOKIE)).noneMatch(c -> c.startsWith("JSESSIONID"));
		String next = posted.getRedirectedUrl();
		// back on the badge's page, which shows the read it asked for as running until it ends
		assertThat(next).startsWith("/lti/teach/badges/" + cast.badge().id() + "?since=").contains("&n=");
		// the frame sends back only the tool's partitioned session cookie
		MockHttpServletResponse page = mvc.perform(get(next).cookie(cast.teacher())).andReturn().getResponse();
		assertThat(page.getContentAsString()).contains("id=\"notice\"", "Sync started.");
		assertThat(page.getHeaders(HttpHeaders.SET_COOKIE)).noneMatch(c -> c.startsWith("JSESSIONID"));
		assertThat(mvc.perform(get(next).cookie(cast.teacher())).andReturn().getResponse().getContentAsString())
				.as("shown once").doesNotContain("Sync started.");
	}

	@Test
	void whyAwardingCannotBeSwitchedOnIsSaidAtTheSwitch() throws Exception {
		String page = follow(post("/lti/teach/badges/" + cast.badge().id() + "/awarding").param("on", "true"));
		assertThat(page).contains("id=\"awarding-error\"", "Set the badge&#39;s criteria before switching awarding on")
				.contains("id=\"awarding-off\"");
		badges.setCriteria(cast.badge().id(), new Criteria(new Criterion.ScoreRule("r", new Criterion.Column("https://lms/li/1",
				null, null, "Final"), Criterion.Threshold.PERCENT, 80), null));
		badges.update(cast.badge().id(), "Data Literacy", "Reads data", new BadgeDetails(null, true, null, null, null, null, null,
				null, null, null, null, null, null, null, null));
		page = follow(post("/lti/teach/badges/" + cast.badge().id() + "/awarding").param("on", "true"));
		assertThat(page).contains("id=\"awarding-error\"", "every mandatory EU element").contains("id=\"awarding-off\"");
	}

	@Test
	void aWrongValueIsExplainedAtItsFieldNeverAsRawJson() throws Exception {
		String page = follow(post("/lti/teach/badges/" + cast.badge().id() + "/columns").param("label", "Final").param("maximum", "abc"));
		assertThat(page).contains("id=\"maximum-error\"", "&quot;abc&quot; is not a number");
		page = follow(post("/lti/teach/badges/" + cast.badge().id() + "/details").param("name", "Data Literacy")
				.param("workloadValue", "five"));
		assertThat(page).contains("&quot;five&quot; is not a number");
		MockHttpServletResponse admin = mvc.perform(get("/admin/platforms/abc").with(httpBasic("admin", "test-admin-password")))
				.andReturn().getResponse();
		assertThat(admin.getStatus()).isEqualTo(400);
		assertThat(admin.getContentType()).startsWith("text/html");
		assertThat(admin.getContentAsString()).contains("&quot;abc&quot; is not a valid number for the field &quot;id&quot;");
		MockHttpServletResponse state = mvc.perform(post("/admin/platforms/1/state").with(httpBasic("admin", "test-admin-password"))
				.with(csrf())).andReturn().getResponse();
		assertThat(state.getStatus()).isEqualTo(400);
		assertThat(state.getContentType()).startsWith("text/html");
		assertThat(state.getContentAsString()).contains("The field &quot;state&quot; is required");
	}

	@Test
	void anUnknownPageOrMethodIsAPageForPeopleAndProblemDetailsOnlyForTheApi() throws Exception {
		MockHttpServletResponse missing = mvc.perform(get("/no-such-page").accept("text/html")).andReturn().getResponse();
		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(missing.getContentType()).startsWith("text/html");
		assertThat(missing.getContentAsString()).contains("Not found");
		MockHttpServletResponse method = mvc.perform(get("/lti/launch").accept("text/html")).andReturn().getResponse();
		assertThat(method.getStatus()).isEqualTo(405);
		assertThat(method.getContentType()).startsWith("text/html");
		MockHttpServletResponse api = mvc.perform(get("/api/admin/platforms/999999").with(httpBasic("admin", "test-admin-password")))
				.andReturn().getResponse();
		assertThat(api.getStatus()).isEqualTo(404);
	}

	private String follow(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse posted = mvc.perform(request.cookie(cast.teacher()).with(csrf())).andReturn().getResponse();
		assertThat(posted.getStatus()).isEqualTo(302);
		return mvc.perform(get(posted.getRedirectedUrl()).cookie(cast.teacher())).andReturn().getResponse().getContentAsString();
	}
}
