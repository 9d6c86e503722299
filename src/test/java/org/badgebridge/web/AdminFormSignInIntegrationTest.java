package org.badgebridge.web;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.badgebridge.support.PublishedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The admin's sign-in form: a server-side session (hash stored, cookie HttpOnly, Secure, SameSite=Lax, Path=/) and
 * {@link AdminSignedIn} in its transaction; wrong passwords said at the field and counted by the same throttle as
 * HTTP Basic; 429 with Retry-After without checking the password; sign-out; a browser's admin page without
 * credentials sent to the form, while the API and the actuator keep HTTP Basic with 401.
 */
@SpringBootTest(properties = "badgebridge.admin.login-throttle.failures-per-minute=10")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PublishedEvents.class)
class AdminFormSignInIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PublishedEvents recorder;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clear() {
		recorder.seen.clear();
	}

	static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String address) {
		return request.with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
	}

	MockHttpServletResponse signIn(String address, String user, String password, String next) throws Exception {
		MockHttpServletRequestBuilder post = from(post("/admin/sign-in"), address).with(csrf()).param("username", user)
				.param("password", password);
		if (next != null) {
			post.param("continue", next);
		}
		return mvc.perform(post).andReturn().getResponse();
	}

	@Test
	void theFormSignsInWithASessionCookieAndPublishesTheEventInItsTransaction() throws Exception {
		String page = mvc.perform(get("/admin/sign-in")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<label for=\"username\">User name</label>", "<label for=\"password\">Password</label>",
				"name=\"_csrf\"", "lang=\"en\"");
		assertThat(mvc.perform(get("/admin/sign-in?lang=nl")).andReturn().getResponse().getContentAsString())
				.contains("Gebruikersnaam", "Wachtwoord", "lang=\"nl\"");

		MockHttpServletResponse done = signIn("10.9.0.1", "admin", "test-admin-password", "/admin/keys");
		assertThat(done.getStatus()).isEqualTo(302);
		assertThat(done.getRedirectedUrl()).isEqualTo("/admin/keys");
		String setCookie = done.getHeaders("Set-Cookie").stream().filter(c -> c.startsWith("bb_admin_form=")).findFirst().orElseThrow();
		assertThat(setCookie).contains("HttpOnly", "Secure", "SameSite=Lax", "Path=/").doesNotContain("JSESSIONID");
		String token = setCookie.substring("bb_admin_form=".length(), setCookie.indexOf(';'));
		assertThat(token).hasSizeGreaterThanOrEqualTo(43);
		assertThat(jdbc.sql("select count(*) from admin_session where id_hash=?").param(token).query(Integer.class).single())
				.as("only the hash is stored").isZero();
		assertThat(jdbc.sql("select count(*) from admin_session where id_hash=?").param(AdminFormSessions.hash(token))
				.query(Integer.class).single()).isEqualTo(1);
		assertThat(recorder.of(AdminSignedIn.class)).containsExactly(new PublishedEvents.Seen(new AdminSignedIn("admin", "form", "10.9.0.1"), true));

		Cookie session = new Cookie("bb_admin_form", token);
		assertThat(mvc.perform(get("/admin/platforms").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/admin/sign-in")).andReturn().getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void anIdleOrEndedSessionNoLongerSignsIn() throws Exception {
		String token = cookieOf(signIn("10.9.0.2", "admin", "test-admin-password", null));
		Cookie session = new Cookie("bb_admin_form", token);
		assertThat(mvc.perform(get("/admin/platforms").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		jdbc.sql("update admin_session set last_seen_at=0 where id_hash=?").param(AdminFormSessions.hash(token)).update();
		assertThat(mvc.perform(get("/admin/platforms").cookie(session)).andReturn().getResponse().getStatus()).as("idle").isEqualTo(401);

		String other = cookieOf(signIn("10.9.0.2", "admin", "test-admin-password", null));
		jdbc.sql("update admin_session set expires_at=1 where id_hash=?").param(AdminFormSessions.hash(other)).update();
		assertThat(mvc.perform(get("/admin/platforms").cookie(new Cookie("bb_admin_form", other))).andReturn().getResponse()
				.getStatus()).as("past its absolute end").isEqualTo(401);
	}

	@Test
	void aWrongPasswordIsSaidAtTheFieldAndCountedThenTheThrottleAnswersWithoutCheckingThePassword() throws Exception {
		MockHttpServletResponse wrong = signIn("10.9.1.1", "admin", "wrong", null);
		assertThat(wrong.getStatus()).isEqualTo(401);
		assertThat(wrong.getContentAsString()).contains("id=\"password-error\"", "The user name or password is wrong.",
				"aria-invalid=\"true\"", "value=\"admin\"");
		assertThat(wrong.getHeaders("Set-Cookie")).noneMatch(c -> c.startsWith("bb_admin_form="));
		for (int i = 0; i < 8; i++) {
			assertThat(signIn("10.9.1.1", "guess" + i, "wrong", null).getStatus()).isEqualTo(401);
		}
		// the tenth failure of this address is a Basic one: one count for both ways
		assertThat(mvc.perform(from(get("/admin/platforms"), "10.9.1.1").with(httpBasic("guess-basic", "wrong"))).andReturn()
				.getResponse().getStatus()).isEqualTo(401);
		MockHttpServletResponse throttled = signIn("10.9.1.1", "admin", "test-admin-password", null);
		assertThat(throttled.getStatus()).as("the right password is not even checked").isEqualTo(429);
		int retryAfter = Integer.parseInt(throttled.getHeader("Retry-After"));
		assertThat(retryAfter).isBetween(1, 60);
		assertThat(throttled.getContentAsString()).contains("Too many attempts: try again in " + retryAfter + " s.");
		assertThat(throttled.getHeaders("Set-Cookie")).noneMatch(c -> c.startsWith("bb_admin_form="));
		assertThat(recorder.of(AdminSignedIn.class)).isEmpty();
		assertThat(mvc.perform(from(get("/admin/platforms"), "10.9.1.1").with(httpBasic("admin", "test-admin-password")))
				.andReturn().getResponse().getStatus()).as("Basic waits too").isEqualTo(429);
		assertThat(signIn("10.9.1.2", "admin", "test-admin-password", null).getStatus()).as("another address").isEqualTo(302);
	}

	@Test
	void emptyFieldsAreSaidAtEachFieldAndNotCounted() throws Exception {
		MockHttpServletResponse empty = mvc.perform(from(post("/admin/sign-in"), "10.9.2.1").with(csrf())).andReturn().getResponse();
		assertThat(empty.getStatus()).isEqualTo(400);
		assertThat(empty.getContentAsString()).contains("id=\"username-error\"", "id=\"password-error\"");
	}

	@Test
	void signOutEndsTheSession() throws Exception {
		Cookie session = new Cookie("bb_admin_form", cookieOf(signIn("10.9.3.1", "admin", "test-admin-password", null)));
		MockHttpServletResponse out = mvc.perform(post("/admin/sign-out").cookie(session).with(csrf())).andReturn().getResponse();
		assertThat(out.getRedirectedUrl()).startsWith("/admin/sign-in?n=");
		assertThat(out.getHeaders("Set-Cookie")).anyMatch(c -> c.startsWith("bb_admin_form=;") && c.contains("Max-Age=0"));
		assertThat(mvc.perform(get("/admin/platforms").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(401);
		assertThat(mvc.perform(get(out.getRedirectedUrl())).andReturn().getResponse().getContentAsString()).contains("You are signed out.");
	}

	@Test
	void theFormNeedsItsCsrfToken() throws Exception {
		MockHttpServletResponse refused = mvc.perform(from(post("/admin/sign-in"), "10.9.4.1").param("username", "admin")
				.param("password", "test-admin-password")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getHeaders("Set-Cookie")).noneMatch(c -> c.startsWith("bb_admin_form="));
	}

	@Test
	void aBrowserIsSentToTheFormWhileTheApiAndTheActuatorKeepBasicWith401() throws Exception {
		MockHttpServletResponse page = mvc.perform(get("/admin/keys?x=1").accept(MediaType.TEXT_HTML, MediaType.ALL)).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(303);
		assertThat(page.getHeader("Location")).isEqualTo("/admin/sign-in?continue=%2Fadmin%2Fkeys%3Fx%3D1");
		assertThat(mvc.perform(get("/admin/keys")).andReturn().getResponse().getStatus()).as("no text/html asked").isEqualTo(401);
		assertThat(mvc.perform(get("/api/admin/platforms").accept(MediaType.TEXT_HTML)).andReturn().getResponse().getStatus()).isEqualTo(401);
		assertThat(mvc.perform(get("/actuator/prometheus").accept(MediaType.TEXT_HTML)).andReturn().getResponse().getStatus()).isEqualTo(401);
		assertThat(mvc.perform(post("/admin/keys/rotate").accept(MediaType.TEXT_HTML).with(csrf())).andReturn().getResponse().getStatus())
				.isEqualTo(401);
		assertThat(mvc.perform(get("/api/admin/platforms").with(httpBasic("admin", "test-admin-password"))).andReturn().getResponse()
				.getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "test-admin-password"))).andReturn().getResponse()
				.getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/admin/sign-in").param("continue", "/admin/keys")).andReturn().getResponse().getContentAsString())
				.contains("name=\"continue\" value=\"/admin/keys\"");
	}

	@Test
	void continueGoesOnlyToALocalPath() throws Exception {
		for (String foreign : List.of("https://evil.example/admin", "//evil.example/admin", "/\\evil.example", "javascript:alert(1)",
				"/admin\r\nSet-Cookie: x=1")) {
			assertThat(signIn("10.9.5.1", "admin", "test-admin-password", foreign).getRedirectedUrl()).as(foreign).isEqualTo("/admin");
		}
		assertThat(signIn("10.9.5.1", "admin", "test-admin-password", "/admin/issuers").getRedirectedUrl()).isEqualTo("/admin/issuers");
	}

	static String cookieOf(MockHttpServletResponse response) {
		String set = response.getHeaders("Set-Cookie").stream().filter(c -> c.startsWith("bb_admin_form=")).findFirst().orElseThrow();
		return set.substring("bb_admin_form=".length(), set.indexOf(';'));
	}
}
