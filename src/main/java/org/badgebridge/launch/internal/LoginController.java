package org.badgebridge.launch.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.launch.internal.LoginStates.LoginState;
import org.badgebridge.web.PublicEndpoint;
import org.badgebridge.platform.FrameAncestors;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.Registrations;
import org.badgebridge.platform.ToolUrls;
import org.badgebridge.platform.WebAddresses;

/**
 * OIDC third-party initiated login (GET or POST). Binds a fresh state to the browser with a partitioned
 * cookie, checks on a second hop that the cookie came back (it does not where the browser blocks cookies in
 * frames: then the user is offered a new window), and sends the browser to the platform's authorization
 * endpoint. When the platform offers LTI platform storage ({@code lti_storage_target}), the state goes there
 * too.
 */
@Controller
@PublicEndpoint("the LMS starts the OIDC login cross-site; it is checked against the registrations (issuer, client id, target link)")
class LoginController {

	private static final Logger log = LoggerFactory.getLogger(LoginController.class);

	private final Registrations registrations;

	private final LoginStates states;

	private final ToolUrls urls;

	private final Duration stateTtl;

	private final FrameAncestors frameAncestors;

	LoginController(Registrations registrations, LoginStates states, ToolUrls urls,
			@Value("${badgebridge.lti.state-ttl}") Duration stateTtl, FrameAncestors frameAncestors) {
		this.registrations = registrations;
		this.frameAncestors = frameAncestors;
		this.states = states;
		this.urls = urls;
		this.stateTtl = stateTtl;
	}

	@RequestMapping(path = "/lti/login", method = { RequestMethod.GET, RequestMethod.POST })
	String login(@RequestParam(name = "iss", required = false) String issuer,
			@RequestParam(name = "login_hint", required = false) String loginHint,
			@RequestParam(name = "target_link_uri", required = false) String targetLinkUri,
			@RequestParam(name = "lti_message_hint", required = false) String messageHint,
			@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(name = "lti_deployment_id", required = false) String deploymentId,
			@RequestParam(name = "deployment_id", required = false) String legacyDeploymentId,
			@RequestParam(name = "lti_storage_target", required = false) String storageTarget, HttpServletResponse response,
			Model model) {
		if (isBlank(issuer) || isBlank(loginHint) || isBlank(targetLinkUri)) {
			throw LaunchRejected.malformed("The login request lacks " + (isBlank(issuer) ? "iss" : isBlank(loginHint)
					? "login_hint" : "target_link_uri") + ". The platform must send iss, login_hint and target_link_uri.");
		}
		Registration registration = registration(issuer.trim(), isBlank(clientId) ? null : clientId.trim(), response);
		URI target = WebAddresses.parse(targetLinkUri);
		if (target == null || !targetLinkUri.startsWith(urls.base() + "/")) {
			throw LaunchRejected.malformed("The target_link_uri " + targetLinkUri + " is not a URL of this tool (" + urls.base()
					+ "). Use " + urls.launch() + " as the tool URL in the LMS.");
		}
		LoginState state = states.create(registration.id(), isBlank(storageTarget) ? null : storageTarget,
				(s, nonce) -> authRequest(registration, loginHint, messageHint, s, nonce));
		LtiCookies.bindState(response, state.state(), stateTtl);
		response.setHeader("Cache-Control", "no-store");
		log.debug("Login for {} (deployment {})", registration.describe(), deploymentId != null ? deploymentId : legacyDeploymentId);
		if (state.storageTarget() != null) {
			model.addAttribute("state", state.state());
			model.addAttribute("storageTarget", state.storageTarget());
			model.addAttribute("platformOrigin", WebAddresses.origin(URI.create(registration.authorizationEndpoint())));
			model.addAttribute("authRequest", state.authRequest());
			return "launch/storage-login";
		}
		return "redirect:/lti/login/continue?state=" + state.state();
	}

	/** Second hop: did the state cookie come back? Then on to the platform; else offer a new window. */
	@GetMapping("/lti/login/continue")
	String proceed(@RequestParam(name = "state", required = false) String state, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		LoginState login = states.peek(state).orElseThrow(() -> LaunchRejected.invalid(
				"This login has expired or is unknown. Open the activity again from your course.")
				.keyed("common.launch.refused.loginExpired"));
		response.setHeader("Cache-Control", "no-store");
		if (LtiCookies.hasState(request, login.state())) {
			return "redirect:" + login.authRequest();
		}
		model.addAttribute("state", login.state());
		return "launch/cookies-blocked";
	}

	/** The same login continued in a top-level window, where the browser keeps the cookie. */
	@GetMapping("/lti/login/window")
	String window(@RequestParam(name = "state", required = false) String state, HttpServletResponse response) {
		LoginState login = states.peek(state).orElseThrow(() -> LaunchRejected.invalid(
				"This login has expired or is unknown. Open the activity again from your course.")
				.keyed("common.launch.refused.loginExpired"));
		LtiCookies.bindState(response, login.state(), stateTtl);
		response.setHeader("Cache-Control", "no-store");
		return "redirect:" + login.authRequest();
	}

	private Registration registration(String issuer, String clientId, HttpServletResponse response) {
		Registration registration;
		if (clientId != null) {
			registration = registrations.find(issuer, clientId).orElseThrow(() -> LaunchRejected.forbidden(
					"This tool has no registration for issuer " + issuer + " and client " + clientId
							+ ". An admin can register the platform on the BadgeBridge admin pages."));
		}
		else {
			List<Registration> candidates = registrations.byIssuer(issuer);
			if (candidates.isEmpty()) {
				throw LaunchRejected.forbidden("This tool has no registration for issuer " + issuer
						+ ". An admin can register the platform on the BadgeBridge admin pages.");
			}
			if (candidates.size() > 1) {
				throw LaunchRejected.malformed("Issuer " + issuer + " has several registrations here and the login did not say "
						+ "which client it is for (client_id).");
			}
			registration = candidates.get(0);
		}
		if (registration.state() == RegistrationState.PENDING) {
			// shown in the frame of the LMS that registered: only this registration's origins may frame this answer
			response.setHeader("Content-Security-Policy", "frame-ancestors " + frameAncestors.sourcesAlso(registration));
			throw LaunchRejected.forbidden("This tool is registered (" + registration.describe() + ") but a BadgeBridge "
					+ "administrator must approve it first: ask your BadgeBridge admin to activate this registration on the "
					+ "BadgeBridge admin pages (Platforms). Until then the tool cannot open from this LMS.")
					.keyed("common.launch.refused.pending", registration.describe());
		}
		if (!registration.isActive()) {
			throw LaunchRejected.forbidden("The registration for " + registration.describe() + " is "
					+ registration.state().name().toLowerCase() + ": a BadgeBridge admin switched it off.")
					.keyed("common.launch.refused.disabled", registration.describe());
		}
		return registration;
	}

	private String authRequest(Registration registration, String loginHint, String messageHint, String state, String nonce) {
		java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
		params.put("scope", "openid");
		params.put("response_type", "id_token");
		params.put("response_mode", "form_post");
		params.put("prompt", "none");
		params.put("client_id", registration.clientId());
		params.put("redirect_uri", urls.launch());
		params.put("login_hint", loginHint);
		if (messageHint != null) {
			params.put("lti_message_hint", messageHint);
		}
		params.put("state", state);
		params.put("nonce", nonce);
		// the endpoint may carry its own query already: append, never re-encode it
		StringBuilder url = new StringBuilder(registration.authorizationEndpoint());
		char separator = url.indexOf("?") >= 0 ? '&' : '?';
		for (var e : params.entrySet()) {
			url.append(separator).append(e.getKey()).append('=')
					.append(java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
			separator = '&';
		}
		return url.toString();
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}
}
