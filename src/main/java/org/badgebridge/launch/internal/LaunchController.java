package org.badgebridge.launch.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.net.URI;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.badgebridge.launch.internal.LoginStates.LoginState;
import org.badgebridge.web.PublicEndpoint;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.Registrations;
import org.badgebridge.platform.ToolUrls;
import org.badgebridge.platform.WebAddresses;

/**
 * The redirect URI: receives every message type's id_token (form post), validates it and starts a tool
 * session. Where the state cookie did not come back but the login used platform storage, the validated
 * launch waits while a small page reads the state from the platform's storage and confirms it.
 */
@Controller
@PublicEndpoint("the LMS posts the id_token cross-site; the token, state and nonce are validated before anything happens")
class LaunchController {

	private final LoginStates states;

	private final Registrations registrations;

	private final IdTokenValidator validator;

	private final LaunchCompletion completion;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String toolOrigin;

	LaunchController(LoginStates states, Registrations registrations, IdTokenValidator validator,
			LaunchCompletion completion, JdbcClient jdbc, Clock clock, ToolUrls urls) {
		this.toolOrigin = WebAddresses.origin(URI.create(urls.base()));
		this.states = states;
		this.registrations = registrations;
		this.validator = validator;
		this.completion = completion;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@PostMapping("/lti/launch")
	String launch(@RequestParam(name = "id_token", required = false) String idToken,
			@RequestParam(name = "state", required = false) String state, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		JWT jwt = IdTokenValidator.parse(idToken);
		if (state == null || state.isBlank()) {
			throw LaunchRejected.malformed("The launch has no state parameter.");
		}
		LoginState login = states.consume(state).orElseThrow(() -> LaunchRejected.invalid(
				"The launch's state is unknown, expired or already used. Open the activity again from your course "
						+ "(a reload or the back button sends an old launch again).").keyed("common.launch.refused.stateUnknown"));
		Registration registration = registrations.find(login.registrationId()).filter(Registration::isActive)
				.orElseThrow(() -> LaunchRejected.forbidden("The registration that started this login is no longer active."));
		boolean boundByCookie = LtiCookies.hasState(request, state);
		if (!boundByCookie && login.storageTarget() == null) {
			throw LaunchRejected.invalid("This browser did not send back the login's state cookie, so the launch cannot be "
					+ "tied to the browser that started it. Allow cookies for this tool, or open it in a new window.")
					.keyed("common.launch.refused.noStateCookie");
		}
		ValidatedLaunch launch = validator.validate(jwt, registration, login.nonce());
		LtiCookies.clearState(response, state);
		if (boundByCookie) {
			return "redirect:" + completion.complete(launch, response);
		}
		String pendingId = LoginStates.random();
		jdbc.sql("insert into lti_pending_launch (id, state, launch, expires_at) values (?,?,?,?)")
				.params(pendingId, state, JSONObjectUtils.toJSONString(Map.of("registration", registration.id(), "claims",
						launch.claims().toJSONObject())), clock.millis() + 120_000)
				.update();
		model.addAttribute("pendingId", pendingId);
		model.addAttribute("state", state);
		model.addAttribute("storageTarget", login.storageTarget());
		model.addAttribute("platformOrigin", WebAddresses.origin(URI.create(registration.authorizationEndpoint())));
		return "launch/storage-launch";
	}

	/**
	 * The state read back from platform storage, posted by the storage-launch page. Only that page of the tool's
	 * own may post it: no cookie ties this step to the browser, so a page elsewhere posting someone's pending
	 * launch and state would sign the visitor in as that person (login CSRF).
	 */
	@PostMapping("/lti/launch/confirm")
	String confirm(@RequestParam(name = "pending", required = false) String pendingId,
			@RequestParam(name = "state", required = false) String state, HttpServletRequest request,
			HttpServletResponse response) {
		if (!postedByOwnPage(request)) {
			throw LaunchRejected.forbidden("This launch confirmation did not come from BadgeBridge's own page (its Origin "
					+ "header is another site's, or the browser sent neither Origin nor Sec-Fetch-Site: same-origin). "
					+ "Open the activity again from your course.").keyed("common.launch.refused.foreignConfirmation");
		}
		if (pendingId == null || state == null) {
			throw LaunchRejected.malformed("The launch confirmation lacks its parameters.");
		}
		Map<String, Object> pending = jdbc.sql("select state, launch from lti_pending_launch where id=? and expires_at > ?")
				.params(pendingId, clock.millis())
				.query((rs, i) -> Map.<String, Object>of("state", rs.getString(1), "launch", rs.getString(2))).optional()
				.orElseThrow(() -> LaunchRejected.invalid("This launch has expired or was completed already.")
						.keyed("common.launch.refused.pendingExpired"));
		if (jdbc.sql("delete from lti_pending_launch where id=?").param(pendingId).update() != 1) {
			throw LaunchRejected.invalid("This launch was completed already.").keyed("common.launch.refused.completed");
		}
		if (!MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
				pending.get("state").toString().getBytes(StandardCharsets.UTF_8))) {
			throw LaunchRejected.invalid("The state kept in the platform's storage does not match this launch.");
		}
		try {
			Map<String, Object> stored = JSONObjectUtils.parse(pending.get("launch").toString());
			long registrationId = ((Number) stored.get("registration")).longValue();
			Registration registration = registrations.find(registrationId).filter(Registration::isActive)
					.orElseThrow(() -> LaunchRejected.forbidden("The registration is no longer active."));
			JWTClaimsSet claims = JWTClaimsSet.parse(JSONObjectUtils.getJSONObject(stored, "claims"));
			return "redirect:" + completion.complete(validator.revalidated(claims, registration), response);
		}
		catch (ParseException ex) {
			throw LaunchRejected.invalid("The stored launch is unreadable.");
		}
	}

	/** Origin is the tool's own; without an Origin header, the browser's Sec-Fetch-Site says same-origin. */
	private boolean postedByOwnPage(HttpServletRequest request) {
		String origin = request.getHeader("Origin");
		if (origin != null) {
			return origin.equalsIgnoreCase(toolOrigin);
		}
		return "same-origin".equals(request.getHeader("Sec-Fetch-Site"));
	}
}
