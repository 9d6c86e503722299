package org.badgebridge.access;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.badgebridge.account.BackpackHolder;
import org.badgebridge.account.HeldAward;
import org.badgebridge.launch.DeepLinkingTeacher;
import org.badgebridge.support.CourseActors;
import org.badgebridge.web.Admin;
import org.badgebridge.web.PublicEndpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;

/**
 * Every endpoint Spring maps (read from the handler mappings, so a new one cannot be forgotten) is tried by every kind
 * of caller. What each may get is a rule per kind of endpoint, written here, never recorded from a run: "passes"
 * means the request reached the handler (neither 401 nor 403, and no server error).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AccessMatrixIntegrationTest {

	enum Actor {
		ANONYMOUS, LEARNER, OTHER_LEARNER, TEACHER, TEACHER_OTHER_COURSE, TEACHER_OTHER_PLATFORM, DEEP_LINKING_TEACHER,
		ADMIN_WRONG_PASSWORD, ADMIN, BACKPACK_HOLDER, OTHER_BACKPACK_HOLDER
	}

	enum Kind {
		PUBLIC, ADMIN, COURSE_MEMBER, BADGE_TEACHER, BADGE_LEARNER, DEEP_LINKING_TEACHER, BACKPACK_HOLDER, HELD_AWARD
	}

	static final Set<Actor> SESSIONS = Set.of(Actor.LEARNER, Actor.OTHER_LEARNER, Actor.TEACHER, Actor.TEACHER_OTHER_COURSE,
			Actor.TEACHER_OTHER_PLATFORM, Actor.DEEP_LINKING_TEACHER);

	/** The rules: who passes, and what everyone else gets. A public endpoint answers every caller alike. */
	static int expected(Kind kind, Actor actor, RequestMethod method) {
		boolean session = SESSIONS.contains(actor);
		return switch (kind) {
			case PUBLIC -> PASS;
			case ADMIN -> actor == Actor.ADMIN ? PASS : 401;
			case COURSE_MEMBER -> session ? PASS : 401;
			case BADGE_TEACHER -> !session ? 401 : actor == Actor.TEACHER || actor == Actor.DEEP_LINKING_TEACHER ? PASS : 403;
			case BADGE_LEARNER -> !session ? 401 : actor == Actor.LEARNER || actor == Actor.OTHER_LEARNER ? PASS : 403;
			case DEEP_LINKING_TEACHER -> !session ? 401 : actor == Actor.DEEP_LINKING_TEACHER ? PASS
					: actor == Actor.LEARNER || actor == Actor.OTHER_LEARNER ? 403 : 401;
			// a backpack page sends anyone else to the sign-in page; any other request is refused
			case BACKPACK_HOLDER -> actor == Actor.BACKPACK_HOLDER || actor == Actor.OTHER_BACKPACK_HOLDER ? PASS
					: method == RequestMethod.GET ? 303 : 401;
			// an award's page in the backpack: only for the account holding it; another holder finds no such award
			case HELD_AWARD -> actor == Actor.BACKPACK_HOLDER ? PASS : actor == Actor.OTHER_BACKPACK_HOLDER ? 404
					: method == RequestMethod.GET ? 303 : 401;
		};
	}

	static final int PASS = 0;

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	CourseActors actors;

	CourseActors.Cast cast;

	@BeforeEach
	void cast() {
		cast = actors.cast();
	}

	record Endpoint(RequestMethod method, String pattern, HandlerMethod handler, Kind kind) {
	}

	@Test
	void everyEndpointAnswersEveryCallerByTheRulesOfItsKind() throws Exception {
		List<Endpoint> endpoints = endpoints();
		assertThat(endpoints).as("the tool's endpoints").hasSizeGreaterThan(50);
		assertThat(endpoints.stream().map(Endpoint::kind).distinct()).containsExactlyInAnyOrder(Kind.values());
		List<String> failures = new ArrayList<>();
		for (Endpoint e : endpoints) {
			Map<Actor, Integer> seen = new EnumMap<>(Actor.class);
			for (Actor actor : Actor.values()) {
				MockHttpServletResponse response = mvc.perform(request(e, actor)).andReturn().getResponse();
				int status = response.getStatus();
				seen.put(actor, status);
				int expected = expected(e.kind(), actor, e.method());
				if (e.kind() == Kind.ADMIN && expected == 401 && adminPageInBrowser(e, actor)) {
					expected = 303; // a browser without admin credentials is sent to the sign-in form
				}
				boolean ok = e.kind() == Kind.PUBLIC ? status < 500
						: expected == PASS ? status != 401 && status != 403 && status < 500 : status == expected;
				if (ok && expected == 303 != signInPage(e, response.getRedirectedUrl())) {
					ok = false; // sent to the sign-in page exactly when not signed in to the backpack
				}
				if (!ok) {
					failures.add(e.method() + " " + e.pattern() + " [" + e.kind() + "] as " + actor + ": " + status
							+ (expected == PASS ? " (should pass)" : " (should be " + expected + ")"));
				}
				for (String cookie : response.getHeaders(HttpHeaders.SET_COOKIE)) {
					if (cookie.startsWith("JSESSIONID")) {
						failures.add(e.method() + " " + e.pattern() + " as " + actor + " set a servlet session cookie");
					}
				}
			}
			if (e.kind() == Kind.PUBLIC && seen.values().stream().distinct().count() != 1) {
				failures.add(e.method() + " " + e.pattern() + " is public but answers callers differently: " + seen);
			}
		}
		assertThat(failures).isEmpty();
	}

	/** The dashboard and the lists its numbers open are the admin's only (the matrix above tries every caller on them). */
	@Test
	void theDashboardAndItsListsAreAdminEndpoints() {
		List<Endpoint> endpoints = endpoints();
		for (String path : List.of("/admin", "/admin/syncs", "/admin/awards", "/admin/outbox")) {
			assertThat(endpoints).as(path).anySatisfy(e -> {
				assertThat(e.pattern()).isEqualTo(path);
				assertThat(e.kind()).isEqualTo(Kind.ADMIN);
			});
		}
	}

	@Test
	void theAuditTrailAndItsExportAreTheAdminsOnly() throws Exception {
		assertThat(endpoints().stream().filter(e -> e.pattern().startsWith("/admin/audit")).map(e -> e.pattern() + " " + e.kind()))
				.containsExactlyInAnyOrder("/admin/audit ADMIN", "/admin/audit.csv ADMIN");
		for (String url : List.of("/admin/audit", "/admin/audit.csv")) {
			assertThat(mvc.perform(MockMvcRequestBuilders.get(url)).andReturn().getResponse().getStatus()).as(url).isEqualTo(401);
			assertThat(mvc.perform(MockMvcRequestBuilders.get(url).cookie(cast.teacher())).andReturn().getResponse().getStatus())
					.as(url + " as teacher").isEqualTo(401);
			assertThat(mvc.perform(MockMvcRequestBuilders.get(url).header(HttpHeaders.AUTHORIZATION, "Basic "
					+ Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8)))).andReturn().getResponse().getStatus())
					.as(url + " as admin").isEqualTo(200);
		}
	}

	@Test
	void aLearnerSeesOnlyTheirOwnAward() throws Exception {
		String own = mvc.perform(MockMvcRequestBuilders.get("/lti/learn/badges/" + cast.badge().id()).cookie(cast.learner()))
				.andReturn().getResponse().getContentAsString();
		String other = mvc.perform(MockMvcRequestBuilders.get("/lti/learn/badges/" + cast.badge().id()).cookie(cast.otherLearner()))
				.andReturn().getResponse().getContentAsString();
		assertThat(own).contains("id=\"earned\"", "Hello s1");
		assertThat(other).contains("Hello s2").doesNotContain("id=\"earned\"").doesNotContain("s1");
	}

	/** A GET of an admin page (not the JSON API) by a caller that sent no admin credentials (a wrong Basic password stays 401). */
	static boolean adminPageInBrowser(Endpoint e, Actor actor) {
		return e.method() == RequestMethod.GET && (e.pattern().equals("/admin") || e.pattern().startsWith("/admin/"))
				&& actor != Actor.ADMIN_WRONG_PASSWORD;
	}

	/** The sign-in page of the endpoint's kind: the admin's form (with the page to come back to), else the backpack's. */
	static boolean signInPage(Endpoint e, String location) {
		return e.kind() == Kind.ADMIN ? location != null && location.startsWith("/admin/sign-in?continue=")
				: "/backpack/sign-in".equals(location);
	}

	List<Endpoint> endpoints() {
		List<Endpoint> list = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			HandlerMethod handler = entry.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("org.badgebridge")) {
				continue; // Spring Boot's own /error
			}
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			for (String pattern : entry.getKey().getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					list.add(new Endpoint(method, pattern, handler, kind(handler)));
				}
			}
		}
		return list;
	}

	static Kind kind(HandlerMethod handler) {
		if (handler.hasMethodAnnotation(PublicEndpoint.class) || handler.getBeanType().isAnnotationPresent(PublicEndpoint.class)) {
			return Kind.PUBLIC;
		}
		for (var p : handler.getMethodParameters()) {
			Class<?> type = p.getParameterType();
			if (type == Admin.class) {
				return Kind.ADMIN;
			}
			if (type == CourseMember.class) {
				return Kind.COURSE_MEMBER;
			}
			if (type == BadgeTeacher.class || type == ManagedAward.class) {
				return Kind.BADGE_TEACHER;
			}
			if (type == BadgeLearner.class) {
				return Kind.BADGE_LEARNER;
			}
			if (type == DeepLinkingTeacher.class) {
				return Kind.DEEP_LINKING_TEACHER;
			}
			if (type == BackpackHolder.class) {
				return Kind.BACKPACK_HOLDER;
			}
			if (type == HeldAward.class) {
				return Kind.HELD_AWARD;
			}
		}
		throw new AssertionError(handler + " takes no principal and is not a public endpoint");
	}

	MockHttpServletRequestBuilder request(Endpoint e, Actor actor) {
		String url = url(e.pattern());
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(e.method().name()), url)
				.accept(MediaType.TEXT_HTML, MediaType.ALL)
				.with(r -> {
					r.setRemoteAddr("192.0.2." + (1 + actor.ordinal())); // each caller its own client: no rate limit is shared
					return r;
				});
		if (e.method() != RequestMethod.GET) {
			request.with(csrf());
			if (url.startsWith("/api/")) {
				request.contentType(MediaType.APPLICATION_JSON).content("{}");
			}
		}
		if (!url.startsWith("/api/")) {
			// an award of the badge, for the handlers that act on one (a GET asks to confirm, e.g. revoking)
			request.param("award", cast.award().id());
		}
		Cookie session = switch (actor) {
			case LEARNER -> cast.learner();
			case OTHER_LEARNER -> cast.otherLearner();
			case TEACHER -> cast.teacher();
			case TEACHER_OTHER_COURSE -> cast.teacherOtherCourse();
			case TEACHER_OTHER_PLATFORM -> cast.teacherOtherPlatform();
			case DEEP_LINKING_TEACHER -> cast.deepLinkingTeacher();
			case BACKPACK_HOLDER -> actors.backpackHolder(cast);
			case OTHER_BACKPACK_HOLDER -> actors.otherBackpackHolder();
			default -> null;
		};
		if (session != null) {
			request.cookie(session);
		}
		if (actor == Actor.ADMIN || actor == Actor.ADMIN_WRONG_PASSWORD) {
			String password = actor == Actor.ADMIN ? "test-admin-password" : "wrong";
			request.header(HttpHeaders.AUTHORIZATION, "Basic "
					+ Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	/** The pattern with every path variable filled in: the badge and award of course A, harmless values elsewhere. */
	String url(String pattern) {
		Matcher m = Pattern.compile("\\{([^}/:]+)(?::[^}]*)?}").matcher(pattern);
		StringBuilder url = new StringBuilder();
		while (m.find()) {
			String value = switch (m.group(1)) {
				case "badge" -> cast.badge().id();
				case "awardId", "award" -> cast.award().id();
				case "purpose" -> "revocation";
				case "id" -> pattern.startsWith("/admin") || pattern.startsWith("/api/admin") ? "999999" : cast.badge().id();
				default -> "1";
			};
			m.appendReplacement(url, Matcher.quoteReplacement(value));
		}
		m.appendTail(url);
		return url.toString();
	}
}
