package org.badgebridge.account;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import testoidcprovider.TestOidcProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in through a real OpenID Connect provider (Spring Authorization Server, started in the test on a loopback
 * port): the sign-in page's button, the provider's login form, the callback; the account linked to the subject, its
 * verified address added and the released attributes recorded; a wrong state or another browser refused; the admin
 * claim opens /admin, its absence does not.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(org.badgebridge.support.PublishedEvents.class)
class OidcSignInIntegrationTest {

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("badgebridge.oidc.providers.test.issuer", TestOidcProvider::issuer);
		registry.add("badgebridge.oidc.providers.test.client-id", () -> TestOidcProvider.CLIENT_ID);
		registry.add("badgebridge.oidc.providers.test.client-secret", () -> TestOidcProvider.CLIENT_SECRET);
		registry.add("badgebridge.oidc.providers.test.display-name", () -> "Test eduID");
		// a provider nobody answers for (a closed loopback port)
		registry.add("badgebridge.oidc.providers.down.issuer", () -> "http://127.0.0.1:" + org.badgebridge.support.FreePort.find());
		registry.add("badgebridge.oidc.providers.down.client-id", () -> "x");
		registry.add("badgebridge.oidc.providers.down.client-secret", () -> "y");
		registry.add("badgebridge.oidc.admin-claim", () -> "groups");
		registry.add("badgebridge.oidc.admin-value", () -> "badgebridge-admins");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** The provider's answer at our callback: the code and state it sends the browser back with. */
	record Callback(String query, Cookie browser) {
	}

	@Test
	void learnerSignsInThroughTheProviderAndHerVerifiedAddressJoinsTheLinkedAccount() throws Exception {
		String page = mvc.perform(get("/backpack/sign-in")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Sign in with Test eduID").contains("href=\"/backpack/sign-in/oidc/test\"");

		Callback back = throughProvider("/backpack/sign-in/oidc/test", "ada");
		MvcResult done = mvc.perform(get("/backpack/sign-in/oidc-callback?" + back.query()).cookie(back.browser()))
				.andExpect(status().is3xxRedirection()).andReturn();
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/backpack");
		Cookie session = done.getResponse().getCookie("bb_backpack");
		assertThat(session).isNotNull();
		assertThat(session.getValue()).isNotEmpty();
		mvc.perform(get("/backpack").cookie(session)).andExpect(status().isOk());

		String account = jdbc.sql("select account_id from account_oidc_identity where issuer=? and subject='ada'")
				.param(TestOidcProvider.issuer()).query(String.class).single();
		assertThat(jdbc.sql("select account_id from account_address where address='ada@example.edu'").query(String.class).single())
				.isEqualTo(account);
		assertThat(jdbc.sql("select institution from account_oidc_identity where subject='ada'").query(String.class).single())
				.isEqualTo("example.edu");

		// the privacy export shows the linked provider account and what it released
		String export = mvc.perform(get("/backpack/privacy/export").cookie(session)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(export).contains("\"signInProviders\"").contains("\"subject\":\"ada\"").contains("\"institution\":\"example.edu\"");

		// a second sign-in of the same subject lands in the same account
		Callback again = throughProvider("/backpack/sign-in/oidc/test", "ada");
		mvc.perform(get("/backpack/sign-in/oidc-callback?" + again.query()).cookie(again.browser()));
		assertThat(jdbc.sql("select count(*) from account_oidc_identity where subject='ada'").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select account_id from account_oidc_identity where subject='ada'").query(String.class).single())
				.isEqualTo(account);
	}

	@Test
	void anUnverifiedAddressIsRecordedButNotAdded() throws Exception {
		Callback back = throughProvider("/backpack/sign-in/oidc/test", "bob");
		MvcResult done = mvc.perform(get("/backpack/sign-in/oidc-callback?" + back.query()).cookie(back.browser())).andReturn();
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/backpack");
		assertThat(jdbc.sql("select count(*) from account_address where address='bob@example.edu'").query(Long.class).single()).isZero();
		// a backpack with no address yet still opens
		mvc.perform(get("/backpack").cookie(done.getResponse().getCookie("bb_backpack"))).andExpect(status().isOk());
		assertThat(jdbc.sql("select email from account_oidc_identity where subject='bob'").query(String.class).single())
				.isEqualTo("bob@example.edu");
	}

	@Test
	void aVerifiedAddressOfAnotherAccountAsksForAMergeInsteadOfMoving() throws Exception {
		String linked = account();
		String holder = account();
		jdbc.sql("insert into account_address (address, account_id, verified_at) values ('dan@example.edu', ?, 0)").param(holder).update();
		jdbc.sql("insert into account_oidc_identity (issuer, subject, account_id, provider, email_verified, linked_at, seen_at) "
				+ "values (?, 'dan', ?, 'test', false, 0, 0)").params(TestOidcProvider.issuer(), linked).update();

		Callback back = throughProvider("/backpack/sign-in/oidc/test", "dan");
		assertThat(mvc.perform(get("/backpack/sign-in/oidc-callback?" + back.query()).cookie(back.browser())).andReturn()
				.getResponse().getRedirectedUrl()).isEqualTo("/backpack");
		assertThat(jdbc.sql("select account_id from account_address where address='dan@example.edu'").query(String.class).single())
				.isEqualTo(holder);
		assertThat(jdbc.sql("select count(*) from account_merge where account_id=? and other_account_id=? and address='dan@example.edu'")
				.params(linked, holder).query(Long.class).single()).isEqualTo(1);
	}

	private String account() {
		String id = java.util.UUID.randomUUID().toString();
		jdbc.sql("insert into account (id, created_at) values (?, 0)").param(id).update();
		return id;
	}

	@Test
	void anUnreachableProviderOrAnUnknownOneIsAPageNotAnError() throws Exception {
		MvcResult down = mvc.perform(get("/backpack/sign-in/oidc/down")).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(down.getResponse().getRedirectedUrl()).startsWith("/backpack/sign-in?n=");
		assertThat(down.getResponse().getCookie("bb_oidc")).isNull();
		mvc.perform(get("/backpack/sign-in/oidc/nosuch")).andExpect(status().isNotFound());
	}

	@Test
	void aWrongStateOrAnotherBrowserOrASecondUseIsRefused() throws Exception {
		Callback back = throughProvider("/backpack/sign-in/oidc/test", "ada");
		String wrongState = back.query().replaceAll("state=[^&]+", "state=forged");
		refused(mvc.perform(get("/backpack/sign-in/oidc-callback?" + wrongState).cookie(back.browser())).andReturn());
		refused(mvc.perform(get("/backpack/sign-in/oidc-callback?" + back.query()).cookie(new Cookie("bb_oidc", "another-browser")))
				.andReturn());
		refused(mvc.perform(get("/backpack/sign-in/oidc-callback?" + back.query())).andReturn());
		// the right state and browser still work once, not twice
		assertThat(mvc.perform(get("/backpack/sign-in/oidc-callback?" + back.query()).cookie(back.browser())).andReturn()
				.getResponse().getRedirectedUrl()).isEqualTo("/backpack");
		refused(mvc.perform(get("/backpack/sign-in/oidc-callback?" + back.query()).cookie(back.browser())).andReturn());
	}

	@Test
	void theAdminClaimOpensTheAdminPagesAndItsAbsenceDoesNot() throws Exception {
		Callback admin = throughProvider("/admin-sign-in/oidc/test", "ada");
		MvcResult done = mvc.perform(get("/backpack/sign-in/oidc-callback?" + admin.query()).cookie(admin.browser())).andReturn();
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/admin");
		Cookie adminSession = done.getResponse().getCookie("bb_admin");
		assertThat(adminSession).isNotNull();
		mvc.perform(get("/admin/platforms").cookie(adminSession)).andExpect(status().isOk());
		mvc.perform(get("/admin/platforms").cookie(new Cookie("bb_admin", "guessed"))).andExpect(status().isUnauthorized());

		Callback learner = throughProvider("/admin-sign-in/oidc/test", "bob");
		MvcResult notAdmin = mvc.perform(get("/backpack/sign-in/oidc-callback?" + learner.query()).cookie(learner.browser())).andReturn();
		assertThat(notAdmin.getResponse().getCookie("bb_admin")).isNull();
		assertThat(notAdmin.getResponse().getRedirectedUrl()).startsWith("/backpack/sign-in?n=");
		// a learner's backpack session is no admin session
		Callback backpack = throughProvider("/backpack/sign-in/oidc/test", "bob");
		Cookie session = mvc.perform(get("/backpack/sign-in/oidc-callback?" + backpack.query()).cookie(backpack.browser())).andReturn()
				.getResponse().getCookie("bb_backpack");
		mvc.perform(get("/admin/platforms").cookie(session)).andExpect(status().isUnauthorized());
	}

	@Autowired
	org.badgebridge.support.PublishedEvents events;

	@Test
	void theAdminSignInFormLinksToTheProviderWhoseSignInIsPublishedAndSignOutEndsIt() throws Exception {
		assertThat(mvc.perform(get("/admin/sign-in")).andReturn().getResponse().getContentAsString())
				.contains("href=\"/admin-sign-in/oidc/test\"", "Sign in with Test eduID");
		events.seen.clear();
		Callback admin = throughProvider("/admin-sign-in/oidc/test", "ada");
		Cookie adminSession = mvc.perform(get("/backpack/sign-in/oidc-callback?" + admin.query()).cookie(admin.browser()).with(r -> {
			r.setRemoteAddr("10.8.0.1");
			return r;
		})).andReturn().getResponse().getCookie("bb_admin");
		assertThat(events.of(org.badgebridge.web.AdminSignedIn.class)).singleElement().satisfies(seen -> {
			org.badgebridge.web.AdminSignedIn signedIn = (org.badgebridge.web.AdminSignedIn) seen.event();
			assertThat(signedIn.method()).isEqualTo("oidc");
			assertThat(signedIn.address()).isEqualTo("10.8.0.1");
			assertThat(signedIn.username()).isNotBlank();
			assertThat(seen.inTransaction()).isTrue();
		});
		var out = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/sign-out")
				.cookie(adminSession).with(org.badgebridge.support.Csrf.csrf())).andReturn().getResponse();
		assertThat(out.getHeaders("Set-Cookie")).anyMatch(c -> c.startsWith("bb_admin=;") && c.contains("Max-Age=0"));
		mvc.perform(get("/admin/platforms").cookie(adminSession)).andExpect(status().isUnauthorized());
	}

	private void refused(MvcResult result) {
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/backpack/sign-in?n=");
		assertThat(result.getResponse().getCookie("bb_backpack")).isNull();
		assertThat(result.getResponse().getCookie("bb_admin")).isNull();
	}

	/** Starts at our start URL, then as a browser at the provider: its login form, until it redirects back to us. */
	private Callback throughProvider(String start, String user) throws Exception {
		MvcResult started = mvc.perform(get(start)).andExpect(status().is3xxRedirection()).andReturn();
		Cookie browser = started.getResponse().getCookie("bb_oidc");
		String authorize = started.getResponse().getRedirectedUrl();
		assertThat(authorize).startsWith(TestOidcProvider.issuer()).contains("code_challenge_method=S256").contains("nonce=");

		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> r = send(http, HttpRequest.newBuilder(URI.create(authorize)).GET());
		String location = location(r, authorize);
		assertThat(location).endsWith("/login");
		String form = send(http, HttpRequest.newBuilder(URI.create(location)).GET()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
		assertThat(csrf.find()).isTrue();
		r = send(http, HttpRequest.newBuilder(URI.create(location)).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", TestOidcProvider.PASSWORD,
						"_csrf", csrf.group(1))))));
		location = location(r, location);
		for (int i = 0; i < 5 && !location.startsWith(TestOidcProvider.REDIRECT); i++) {
			r = send(http, HttpRequest.newBuilder(URI.create(location)).GET());
			location = location(r, location);
		}
		assertThat(location).startsWith(TestOidcProvider.REDIRECT + "?").contains("code=").contains("state=");
		return new Callback(location.substring(location.indexOf('?') + 1), browser);
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String location(HttpResponse<String> response, String base) {
		assertThat(response.statusCode()).as(response.body()).isBetween(300, 399);
		return URI.create(base).resolve(response.headers().firstValue("Location").orElseThrow()).toString();
	}

	private static String form(Map<String, String> fields) {
		StringBuilder b = new StringBuilder();
		fields.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return b.toString();
	}
}
