package org.badgebridge.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The actuator on the application's port (no management port configured): health and its probes for anyone with the
 * status only, details for admins; readiness is the readiness state and the database, the scheduler is shown but not
 * waited on; info, metrics and Prometheus only for admins. Actuator answers carry the page policy and no session.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ActuatorIntegrationTest {

	@Autowired
	MockMvc mvc;

	MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	static MockHttpServletRequestBuilder asAdmin(String path) {
		return get(path).with(httpBasic("admin", "test-admin-password"));
	}

	@Test
	void anyoneSeesTheHealthStatusButNoDetails() throws Exception {
		MockHttpServletResponse health = call(get("/actuator/health"));
		assertThat(health.getStatus()).isEqualTo(200);
		assertThat(health.getContentAsString()).contains("\"status\":\"UP\"").doesNotContain("components", "db", "quartz");
		assertThat(health.getHeader("Content-Security-Policy")).contains("default-src");
		assertThat(health.getHeader("Set-Cookie")).as("no session").isNull();
		assertThat(call(get("/actuator/health/liveness")).getContentAsString()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(call(get("/actuator/health/readiness")).getContentAsString()).isEqualTo("{\"status\":\"UP\"}");
	}

	@Test
	void adminsSeeTheComponentsIncludingTheScheduler() throws Exception {
		String health = call(asAdmin("/actuator/health")).getContentAsString();
		assertThat(health).contains("\"db\"", "\"quartz\"", "\"clustered\":true", "\"livenessState\"", "\"readinessState\"");
		assertThat(health).containsPattern("\"quartz\":\\{\"details\":\\{[^}]*\\},\"status\":\"UP\"");
	}

	@Test
	void readinessIsTheReadinessStateAndTheDatabaseOnly() throws Exception {
		String readiness = call(asAdmin("/actuator/health/readiness")).getContentAsString();
		assertThat(readiness).contains("\"readinessState\"", "\"db\"").doesNotContain("quartz", "mail", "livenessState");
		String liveness = call(asAdmin("/actuator/health/liveness")).getContentAsString();
		assertThat(liveness).contains("\"livenessState\"").doesNotContain("\"db\"", "quartz");
	}

	@Test
	void everyOtherEndpointIsForAdminsOnly() throws Exception {
		for (String path : new String[] { "/actuator", "/actuator/info", "/actuator/prometheus", "/actuator/metrics" }) {
			assertThat(call(get(path)).getStatus()).as(path + " anonymous").isEqualTo(401);
			assertThat(call(get(path).with(httpBasic("admin", "wrong"))).getStatus()).as(path + " wrong password").isEqualTo(401);
			assertThat(call(asAdmin(path)).getStatus()).as(path + " admin").isEqualTo(200);
		}
	}

	@Test
	void infoNamesTheBuild() throws Exception {
		String info = call(asAdmin("/actuator/info")).getContentAsString();
		assertThat(info).contains("\"build\"", "\"artifact\":\"badgebridge\"");
		// git.properties exists when the build ran in a git checkout (the plugin does not fail without one)
		try (java.io.InputStream git = getClass().getResourceAsStream("/git.properties")) {
			if (git != null) {
				java.util.Properties p = new java.util.Properties();
				p.load(git);
				assertThat(info).contains(p.getProperty("git.commit.id.abbrev"));
			}
		}
	}

	@Test
	void prometheusScrapeIsTextForAdmins() throws Exception {
		MockHttpServletResponse scrape = call(asAdmin("/actuator/prometheus"));
		assertThat(scrape.getContentType()).startsWith("text/plain");
		assertThat(scrape.getContentAsString()).contains("jvm_memory_used_bytes");
	}
}
