package org.badgebridge.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.badgebridge.badge.Badges;
import org.badgebridge.claim.ClaimLinks;
import org.badgebridge.support.CourseActors;
import org.badgebridge.support.LtiFlows;
import org.badgebridge.support.PageHygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every HTML page of the tool carries a Content-Security-Policy that lets no inline code run, and works under it: no
 * inline script, style or event handler. The pages are found from the handler mappings (every GET, as every kind of
 * caller) plus the pages only a flow reaches (the Deep Linking answer, the login's storage and cookie pages, errors).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ContentSecurityPolicyIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CourseActors actors;

	@Autowired
	ClaimLinks links;

	@Autowired
	Badges badges;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	CourseActors.Cast cast;

	final List<String> problems = new ArrayList<>();

	final Set<String> views = new TreeSet<>();

	@BeforeEach
	void cast() {
		cast = actors.cast();
	}

	@Test
	void everyTemplateIsFreeOfInlineScriptStyleAndHandlers() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
		assertThat(templates).as("templates").hasSizeGreaterThan(30);
		for (Resource template : templates) {
			problems.addAll(PageHygiene.htmlProblems(template.getURL().getPath().replaceAll(".*/templates/", ""),
					template.getContentAsString(StandardCharsets.UTF_8)));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyPageOfTheToolHasAStrictPolicyAndNoInlineCode() throws Exception {
		badges.setInCatalogue(cast.badge().id(), true);
		for (String url : getPaths()) {
			if (url.equals("/lti/register")) {
				continue; // rate limited per minute, and used up by other tests of this context: DynamicRegistrationIntegrationTest checks its pages
			}
			check(get(url));
			for (Cookie session : List.of(cast.teacher(), cast.learner(), cast.deepLinkingTeacher())) {
				check(get(url).cookie(session));
			}
			if (url.startsWith("/admin")) {
				check(get(url).with(httpBasic("admin", "test-admin-password")));
			}
		}
		// the learner's panel replaced any earlier claim link: this one is the award's link now
		String token = ClaimLinks.newToken();
		links.store(cast.award().id(), token, links.expiryFromNow());
		check(get("/claim/" + token));
		check(post("/lti/launch")); // launch error page
		check(get("/lti/login/continue").param("state", loginWithoutCookie())); // cookies blocked

		assertThat(views).as("pages checked").contains("index", "teaching/course", "teaching/badge", "teaching/deep-linking",
				"claim/panel", "claim/claim", "claim/problem", "verification/verify", "verification/check", "catalogue/list",
				"catalogue/badge", "platform/list", "platform/edit", "credential/keys", "credential/keys-rotate", "platform/tool-configuration", "console/dashboard", "audit/list", "award/list", "course/syncs", "course/sync-settings", "web/admin-sign-in",
				"mail/outbox", "badge/issuers", "launch/error", "launch/cookies-blocked", "problem");
		assertThat(problems).isEmpty();
	}

	@Test
	void theDeepLinkingAnswerMayPostToThePlatformsReturnUrlOnly() throws Exception {
		MvcResult answer = check(post("/lti/deep-linking").cookie(cast.deepLinkingTeacher()).with(csrf())
				.param("badge", cast.badge().id()));
		assertThat(answer.getModelAndView().getViewName()).isEqualTo("launch/deep-linking-response");
		assertThat(answer.getResponse().getHeader("Content-Security-Policy"))
				.contains("form-action 'self' https://lms-a.example.edu;");
		assertThat(problems).isEmpty();
		// any other page may send its forms to the tool only
		assertThat(mvc.perform(get("/lti/deep-linking").cookie(cast.deepLinkingTeacher())).andReturn().getResponse()
				.getHeader("Content-Security-Policy")).contains("form-action 'self';").doesNotContain("lms-a.example.edu;");
	}

	String loginWithoutCookie() throws Exception {
		MockHttpServletRequestBuilder login = post("/lti/login");
		LtiFlows.loginParams(cast.platformA().issuer(), cast.platformA().clientId(), "1").forEach(login::param);
		String next = mvc.perform(login).andReturn().getResponse().getRedirectedUrl();
		return next.substring(next.indexOf("state=") + 6);
	}

	/** Every GET the tool maps, its path variables filled with course A's badge and award or platform A. */
	List<String> getPaths() {
		List<String> paths = new ArrayList<>();
		Pattern variable = Pattern.compile("\\{([^}/:]+)(?::[^}]*)?}");
		for (var entry : mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!entry.getValue().getBeanType().getPackageName().startsWith("org.badgebridge")
					|| !(methods.isEmpty() || methods.contains(RequestMethod.GET))) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				Matcher m = variable.matcher(pattern);
				StringBuilder url = new StringBuilder();
				while (m.find()) {
					String value = switch (m.group(1)) {
						case "badge", "id" -> pattern.startsWith("/admin") ? String.valueOf(cast.platformA().id()) : cast.badge().id();
						case "awardId", "award" -> cast.award().id();
						case "token" -> "not-a-claim-token";
						default -> "1";
					};
					m.appendReplacement(url, Matcher.quoteReplacement(value));
				}
				m.appendTail(url);
				paths.add(url.toString());
			}
		}
		return paths;
	}

	MvcResult check(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request.accept(MediaType.TEXT_HTML, MediaType.ALL)).andReturn();
		MockHttpServletResponse response = result.getResponse();
		String type = response.getContentType();
		if (type != null && type.startsWith(MediaType.TEXT_HTML_VALUE)) {
			String where = result.getRequest().getMethod() + " " + result.getRequest().getRequestURI() + " (" + response.getStatus() + ")";
			if (result.getModelAndView() != null) {
				views.add(result.getModelAndView().getViewName());
			}
			problems.addAll(PageHygiene.policyProblems(where, response.getHeader("Content-Security-Policy")));
			problems.addAll(PageHygiene.htmlProblems(where, response.getContentAsString()));
		}
		return result;
	}
}
