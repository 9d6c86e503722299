package org.badgebridge.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Drives the tool's real OIDC login through MockMvc, as a browser inside the LMS would. */
public final class LtiFlows {

	public record Login(String state, String nonce, Cookie stateCookie, String authRequest) {
	}

	private final MockMvc mvc;

	public LtiFlows(MockMvc mvc) {
		this.mvc = mvc;
	}

	public static Map<String, String> loginParams(String issuer, String clientId, String deploymentId) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("iss", issuer);
		p.put("login_hint", "3");
		p.put("target_link_uri", "http://localhost:8080/lti/launch");
		p.put("lti_message_hint", "{\"cmid\":2,\"launchid\":\"ltilaunch1_1755545548\"}");
		p.put("client_id", clientId);
		p.put("lti_deployment_id", deploymentId);
		return p;
	}

	public ResultActions initiate(Map<String, String> params) throws Exception {
		MockHttpServletRequestBuilder request = post("/lti/login");
		params.forEach(request::param);
		return mvc.perform(request);
	}

	/** Login initiation, the cookie check hop, and the parameters the tool sent to the platform. */
	public Login login(Map<String, String> params) throws Exception {
		MockHttpServletResponse first = initiate(params).andReturn().getResponse();
		assertThat(first.getStatus()).as("login initiation").isEqualTo(302);
		String continueUrl = first.getRedirectedUrl();
		assertThat(continueUrl).contains("/lti/login/continue?state=");
		String state = continueUrl.substring(continueUrl.indexOf("state=") + 6);
		Cookie cookie = first.getCookie("bbls_" + state);
		assertThat(cookie).as("state cookie").isNotNull();
		MockHttpServletResponse second = mvc.perform(get("/lti/login/continue").param("state", state).cookie(cookie))
				.andReturn().getResponse();
		assertThat(second.getStatus()).as("cookie check hop").isEqualTo(302);
		String auth = second.getRedirectedUrl();
		return new Login(state, query(auth, "nonce"), cookie, auth);
	}

	public ResultActions launch(String idToken, String state, Cookie... cookies) throws Exception {
		MockHttpServletRequestBuilder request = post("/lti/launch");
		if (idToken != null) {
			request.param("id_token", idToken);
		}
		if (state != null) {
			request.param("state", state);
		}
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return mvc.perform(request);
	}

	public static String query(String url, String name) {
		for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
			int eq = pair.indexOf('=');
			if (pair.substring(0, eq).equals(name)) {
				return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}
}
