package org.badgebridge.platform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.support.LtiFlows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A registration waiting for the BadgeBridge admin: its LMS's frame shows why the tool does not open (the
 * explanation may be framed by that registration's origins, and by no other pending registration's), while the
 * tool's other pages stay framable by active registrations only.
 */
@SpringBootTest(properties = "badgebridge.lti.registration.rate-limit-per-minute=1000")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PendingRegistrationIntegrationTest {

	static final String PENDING = "https://moodle.pending.example.edu/moodle";

	static final String PENDING_AUTH_ORIGIN = "https://auth.pending.example.edu";

	static final String OTHER_PENDING = "https://other-pending.example.org";

	static final String ACTIVE = "https://active.example.edu";

	@Autowired
	MockMvc mvc;

	@Autowired
	Registrations registrations;

	LtiFlows flows;

	@BeforeEach
	void register() {
		flows = new LtiFlows(mvc);
		if (registrations.find(PENDING, "waiting").isEmpty()) {
			registrations.create(values(PENDING, "waiting", PENDING_AUTH_ORIGIN + "/mod/lti/auth.php", RegistrationState.PENDING), "test");
			registrations.create(values(OTHER_PENDING, "other", OTHER_PENDING + "/mod/lti/auth.php", RegistrationState.PENDING), "test");
			registrations.create(values(ACTIVE, "live", ACTIVE + "/mod/lti/auth.php", RegistrationState.ACTIVE), "test");
		}
	}

	static RegistrationValues values(String issuer, String clientId, String auth, RegistrationState state) {
		return new RegistrationValues("LMS " + clientId, issuer, clientId, "moodle", auth, issuer + "/mod/lti/token.php", null,
				issuer + "/mod/lti/certs.php", null, List.of("1"), state);
	}

	static String frameAncestors(MockHttpServletResponse response) {
		String csp = response.getHeader("Content-Security-Policy");
		assertThat(csp).as("CSP header").isNotNull().contains("; frame-ancestors ");
		return csp.substring(csp.indexOf("frame-ancestors "));
	}

	@Test
	void loginForAPendingRegistrationExplainsItInAPageThatItsOwnLmsMayFrame() throws Exception {
		MockHttpServletResponse page = flows.initiate(LtiFlows.loginParams(PENDING, "waiting", "1")).andReturn().getResponse();

		assertThat(page.getStatus()).isEqualTo(403);
		assertThat(page.getContentAsString()).contains("registered", "a BadgeBridge administrator must approve it first",
				"ask your BadgeBridge admin", "correlation id");
		List<String> sources = List.of(frameAncestors(page).substring("frame-ancestors ".length()).split(" "));
		assertThat(sources).as("the pending platform's issuer and authorization endpoint origins, plus the usual ones")
				.contains("'self'", "https://moodle.pending.example.edu", PENDING_AUTH_ORIGIN, ACTIVE)
				.doesNotContain(OTHER_PENDING);
		assertThat(page.getHeader("X-Frame-Options")).isNull();
	}

	@Test
	void loginWithoutClientIdForTheOnlyPendingRegistrationOfAnIssuerIsExplainedTheSameWay() throws Exception {
		Map<String, String> params = new java.util.HashMap<>(LtiFlows.loginParams(OTHER_PENDING, "other", "1"));
		params.remove("client_id");
		MockHttpServletResponse page = flows.initiate(params).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(403);
		assertThat(page.getContentAsString()).contains("must approve it first");
		assertThat(frameAncestors(page)).contains(OTHER_PENDING).doesNotContain("moodle.pending.example.edu", PENDING_AUTH_ORIGIN);
	}

	@Test
	void otherLtiPagesAreNotFramableByPendingRegistrations() throws Exception {
		// an unknown login state: an LTI page, framable by active registrations only
		MockHttpServletResponse page = mvc.perform(get("/lti/login/continue").param("state", "unknown")).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(401);
		assertThat(frameAncestors(page)).contains(ACTIVE).doesNotContain("moodle.pending.example.edu", PENDING_AUTH_ORIGIN,
				OTHER_PENDING);

		MockHttpServletResponse unknown = flows.initiate(LtiFlows.loginParams("https://unknown.example.edu", "x", "1"))
				.andReturn().getResponse();
		assertThat(unknown.getStatus()).isEqualTo(403);
		assertThat(frameAncestors(unknown)).doesNotContain("moodle.pending.example.edu", PENDING_AUTH_ORIGIN, OTHER_PENDING);
	}

	@Test
	void onceApprovedTheRegistrationLogsInAndItsOriginFramesAllLtiPages() throws Exception {
		Registration r = registrations.create(values("https://approved-later.example.edu", "later",
				"https://approved-later.example.edu/mod/lti/auth.php", RegistrationState.PENDING), "test");
		assertThat(flows.initiate(LtiFlows.loginParams(r.issuer(), "later", "1")).andReturn().getResponse().getStatus()).isEqualTo(403);
		registrations.setState(r.id(), RegistrationState.ACTIVE);
		MockHttpServletResponse login = flows.initiate(LtiFlows.loginParams(r.issuer(), "later", "1")).andReturn().getResponse();
		assertThat(login.getStatus()).isEqualTo(302);
		assertThat(frameAncestors(login)).contains("https://approved-later.example.edu");
	}
}
