package org.badgebridge.platform;

import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Admin pages and API for registrations, the admin credentials they need, tool keys and the tool values. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PlatformAdminIntegrationTest {

	static final String BODY = """
			{"name":"Moodle of Example U","issuer":"https://moodle.example.edu","clientId":"%s","productFamily":"moodle",
			 "authorizationEndpoint":"https://moodle.example.edu/mod/lti/auth.php","tokenEndpoint":"https://moodle.example.edu/mod/lti/token.php",
			 "jwksUri":"https://moodle.example.edu/mod/lti/certs.php","deploymentIds":["3"],"state":"ACTIVE"}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	ToolKeys keys;

	@Autowired
	Registrations registrations;

	@Test
	void adminApiAndPagesNeedTheAdminCredentials() throws Exception {
		mvc.perform(get("/api/admin/platforms")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/admin/platforms").with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
		mvc.perform(get("/admin/platforms")).andExpect(status().isUnauthorized());
		mvc.perform(get("/admin/platforms").with(httpBasic("admin", "test-admin-password"))).andExpect(status().isOk())
				.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	void apiCreatesListsUpdatesDisablesAndDeletesARegistration() throws Exception {
		String location = mvc.perform(post("/api/admin/platforms").with(httpBasic("admin", "test-admin-password"))
				.contentType(MediaType.APPLICATION_JSON).content(BODY.formatted("api-client")))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.clientId").value("api-client"))
				.andExpect(jsonPath("$.deployments[0].deploymentId").value("3")).andReturn().getResponse().getHeader("Location");
		mvc.perform(get(location).with(httpBasic("admin", "test-admin-password"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.state").value("ACTIVE"));
		mvc.perform(post("/api/admin/platforms").with(httpBasic("admin", "test-admin-password"))
				.contentType(MediaType.APPLICATION_JSON).content(BODY.formatted("api-client")))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("exists already")));
		mvc.perform(put(location + "/state").with(httpBasic("admin", "test-admin-password"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"state\":\"DISABLED\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DISABLED"));
		mvc.perform(put(location).with(httpBasic("admin", "test-admin-password")).contentType(MediaType.APPLICATION_JSON)
				.content(BODY.formatted("api-client").replace("\"3\"", "\"3\",\"4\"")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.deployments.length()").value(2));
		mvc.perform(delete(location).with(httpBasic("admin", "test-admin-password"))).andExpect(status().isNoContent());
		assertThat(registrations.find("https://moodle.example.edu", "api-client")).isEmpty();
	}

	@Test
	void apiRefusesBadValuesNamingTheField() throws Exception {
		mvc.perform(post("/api/admin/platforms").with(httpBasic("admin", "test-admin-password"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(BODY.formatted("bad").replace("https://moodle.example.edu/mod/lti/token.php", "http://moodle.example.edu/token")))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("tokenEndpoint"))
				.andExpect(jsonPath("$.detail").value(containsString("https")));
		assertThat(registrations.find("https://moodle.example.edu", "bad")).isEmpty();
	}

	@Test
	void adminFormCreatesARegistrationAndKeepsCsrf() throws Exception {
		mvc.perform(post("/admin/platforms").with(httpBasic("admin", "test-admin-password")).param("issuer",
				"https://form.example.edu").param("clientId", "c1")).andExpect(status().isForbidden());
		mvc.perform(post("/admin/platforms").with(httpBasic("admin", "test-admin-password")).with(csrf())
				.param("name", "Form").param("issuer", "https://form.example.edu").param("clientId", "c1")
				.param("productFamily", "moodle").param("authorizationEndpoint", "https://form.example.edu/auth")
				.param("tokenEndpoint", "https://form.example.edu/token").param("jwksUri", "https://form.example.edu/jwks")
				.param("deploymentIds", "1\n2").param("state", "ACTIVE"))
				.andExpect(status().isFound());
		assertThat(registrations.find("https://form.example.edu", "c1").orElseThrow().deployments()).hasSize(2);
		mvc.perform(post("/admin/platforms").with(httpBasic("admin", "test-admin-password")).with(csrf())
				.param("issuer", "not a url").param("clientId", "c2")).andExpect(status().isOk())
				.andExpect(content().string(containsString("absolute URL")));
	}

	@Test
	void jwksPublishesPublicKeysWithKidAlgAndUseOnly() throws Exception {
		String json = mvc.perform(get("/.well-known/jwks.json")).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", containsString("application/json"))).andReturn().getResponse()
				.getContentAsString();
		JWKSet set = JWKSet.parse(json);
		assertThat(set.getKeys()).isNotEmpty().allSatisfy(k -> {
			assertThat(k.isPrivate()).isFalse();
			assertThat(k.getKeyID()).isNotBlank();
			assertThat(k.getAlgorithm().getName()).isEqualTo("RS256");
			assertThat(k.getKeyUse().identifier()).isEqualTo("sig");
			assertThat(((RSAKey) k).size()).isGreaterThanOrEqualTo(2048);
		});
		assertThat(json).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"");
	}

	@Test
	void rotationSignsWithANewKeyAndKeepsThePreviousOnePublished() throws Exception {
		String before = keys.current().getKeyID();
		String after = keys.rotate("test").getKeyID();
		assertThat(after).isNotEqualTo(before);
		assertThat(keys.current().getKeyID()).isEqualTo(after);
		JWKSet set = JWKSet.parse(mvc.perform(get("/.well-known/jwks.json")).andReturn().getResponse().getContentAsString());
		assertThat(set.getKeys()).extracting(k -> k.getKeyID()).contains(before, after);
	}

	@Test
	void toolValuesPageShowsWhatMoodleNeeds() throws Exception {
		mvc.perform(get("/admin/tool-configuration").with(httpBasic("admin", "test-admin-password")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("http://localhost:8080/lti/login")))
				.andExpect(content().string(containsString("http://localhost:8080/.well-known/jwks.json")))
				.andExpect(content().string(containsString("http://localhost:8080/lti/register")))
				.andExpect(content().string(containsString("Show in activity chooser")));
		mvc.perform(get("/lti/config/canvas.json")).andExpect(status().isOk())
				.andExpect(jsonPath("$.oidc_initiation_url").value("http://localhost:8080/lti/login"))
				.andExpect(jsonPath("$.public_jwk_url").value("http://localhost:8080/.well-known/jwks.json"))
				.andExpect(jsonPath("$.extensions[0].domain").value("localhost:8080"));
	}

	@Test
	void ordinaryPagesRefuseFraming() throws Exception {
		mvc.perform(get("/")).andExpect(status().isOk()).andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
						org.hamcrest.Matchers.startsWith("default-src 'self'; script-src 'self';"),
						org.hamcrest.Matchers.endsWith("; frame-ancestors 'none'"))));
	}

}
