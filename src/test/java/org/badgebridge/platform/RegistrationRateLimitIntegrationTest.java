package org.badgebridge.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The public registration URL answers 429 once a client has used up its attempts for the minute. */
@SpringBootTest(properties = "badgebridge.lti.registration.rate-limit-per-minute=3")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RegistrationRateLimitIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void fourthAttemptInAMinuteIsRefused() throws Exception {
		for (int i = 0; i < 3; i++) {
			int status = mvc.perform(get("/lti/register").param("openid_configuration", "http://example.com/x"))
					.andReturn().getResponse().getStatus();
			assertThat(status).isEqualTo(400);
		}
		var blocked = mvc.perform(get("/lti/register").param("openid_configuration", "http://example.com/x")).andReturn()
				.getResponse();
		assertThat(blocked.getStatus()).isEqualTo(429);
		assertThat(blocked.getHeader("Retry-After")).isEqualTo("60");
	}
}
