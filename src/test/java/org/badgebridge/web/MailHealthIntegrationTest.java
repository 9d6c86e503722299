package org.badgebridge.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * An unreachable mail server shows in the health (down) but leaves the node ready: mails wait in the outbox.
 */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=9", "spring.mail.properties.mail.smtp.connectiontimeout=2000" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MailHealthIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void mailDownIsShownButTheNodeStaysReady() throws Exception {
		var health = mvc.perform(get("/actuator/health").with(httpBasic("admin", "test-admin-password"))).andReturn().getResponse();
		assertThat(health.getContentAsString()).containsPattern("\"mail\":\\{[^}]*(\\}[^}]*)?\"status\":\"DOWN\"");
		var readiness = mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse();
		assertThat(readiness.getStatus()).isEqualTo(200);
		assertThat(readiness.getContentAsString()).isEqualTo("{\"status\":\"UP\"}");
	}
}
