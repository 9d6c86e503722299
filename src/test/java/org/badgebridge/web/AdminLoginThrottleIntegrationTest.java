package org.badgebridge.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Guessing the admin password over HTTP Basic: after 10 failed attempts in a minute from one address, or against
 * one user name from any addresses, the admin pages answer 429 with Retry-After without checking the password.
 * Correct logins are not counted. (Its own context: the shared test configuration raises the limit, because the
 * access matrix tries a wrong password on every admin endpoint.)
 */
@SpringBootTest(properties = "badgebridge.admin.login-throttle.failures-per-minute=10")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdminLoginThrottleIntegrationTest {

	@Autowired
	MockMvc mvc;

	MockHttpServletResponse attempt(String address, String user, String password) throws Exception {
		return mvc.perform(get("/admin/platforms").with(httpBasic(user, password)).with(r -> {
			r.setRemoteAddr(address);
			return r;
		})).andReturn().getResponse();
	}

	@Test
	void tenFailuresFromOneAddressThenThatAddressWaits() throws Exception {
		for (int i = 0; i < 10; i++) {
			assertThat(attempt("10.1.0.1", "guess" + i, "wrong").getStatus()).as("attempt " + (i + 1)).isEqualTo(401);
		}
		MockHttpServletResponse throttled = attempt("10.1.0.1", "guess-more", "wrong");
		assertThat(throttled.getStatus()).isEqualTo(429);
		assertThat(Integer.parseInt(throttled.getHeader("Retry-After"))).isBetween(1, 60);
		assertThat(throttled.getContentAsString()).contains("Too many failed sign-ins");
		assertThat(attempt("10.1.0.1", "admin", "test-admin-password").getStatus())
				.as("no password is checked from a throttled address, not even the right one").isEqualTo(429);
		assertThat(attempt("10.1.0.2", "admin", "test-admin-password").getStatus()).as("another address").isEqualTo(200);
	}

	@Test
	void tenFailuresAgainstOneUserNameFromManyAddressesThenThatNameWaits() throws Exception {
		for (int i = 0; i < 10; i++) {
			assertThat(attempt("10.2.0." + i, "mallory", "wrong" + i).getStatus()).isEqualTo(401);
		}
		MockHttpServletResponse throttled = attempt("10.2.1.1", "mallory", "another");
		assertThat(throttled.getStatus()).isEqualTo(429);
		assertThat(throttled.getHeader("Retry-After")).isNotBlank();
	}

	@Test
	void successfulLoginsAreNeverCounted() throws Exception {
		for (int i = 0; i < 30; i++) {
			assertThat(attempt("10.3.0.1", "admin", "test-admin-password").getStatus()).as("login " + (i + 1)).isEqualTo(200);
		}
		for (int i = 0; i < 9; i++) {
			assertThat(attempt("10.3.0.1", "guess-b" + i, "wrong").getStatus()).isEqualTo(401);
		}
		assertThat(attempt("10.3.0.1", "admin", "test-admin-password").getStatus()).as("nine failures: still below the limit")
				.isEqualTo(200);
	}
}
