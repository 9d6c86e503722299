package org.badgebridge.platform.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import org.badgebridge.platform.InvalidRegistrationException;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;
import org.badgebridge.platform.ToolUrls;
import org.badgebridge.platform.WebAddresses;

/**
 * LTI Dynamic Registration 1.0, tool side: read the platform's OpenID configuration, check it, register,
 * and keep the result. A second registration that the platform answers with a client id we know already
 * proposes new values for that registration: they wait for the tool admin ({@link RegistrationChanges}) unless
 * the platform signed an update of that very tool ({@link MoodleUpdateSignal}) or the registration still waits
 * for approval anyway.
 */
@Service
class DynamicRegistration {

	private static final Logger log = LoggerFactory.getLogger(DynamicRegistration.class);

	static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";

	static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

	static final List<String> SCOPES = List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
			"https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
			"https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
			"https://purl.imsglobal.org/spec/lti-ags/scope/score",
			"https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");

	private final Registrations registrations;

	private final ToolUrls urls;

	private final List<String> autoApprove;

	private final RegistrationChanges changes;

	private final MoodleUpdateSignal moodleUpdate;

	private final DemoRegistrationSwitch demo;

	private final PlatformHttp http;

	DynamicRegistration(Registrations registrations, RegistrationChanges changes, MoodleUpdateSignal moodleUpdate,
			DemoRegistrationSwitch demo, ToolUrls urls, PlatformHttp http,
			@Value("${badgebridge.lti.registration.auto-approve-issuers:}") String autoApprove) {
		this.registrations = registrations;
		this.changes = changes;
		this.moodleUpdate = moodleUpdate;
		this.demo = demo;
		this.urls = urls;
		this.http = http;
		this.autoApprove = Arrays.stream(autoApprove.split(",")).map(String::trim).filter(s -> !s.isEmpty())
				.map(DynamicRegistration::stripSlash).toList();
	}

	/** updated: the client id was known; changePending: its new values wait for the tool admin. */
	record Outcome(Registration registration, boolean updated, boolean changePending, String platformName) {
	}

	/** A registration that could not be made; the message is for the LMS admin. */
	static class RegistrationFailed extends RuntimeException {

		private final int status;

		RegistrationFailed(int status, String message) {
			super(message);
			this.status = status;
		}

		int status() {
			return status;
		}
	}

	/** Checks the configuration URL alone (before anything is fetched) and returns its origin. */
	static URI checkConfigurationUrl(String openidConfiguration) {
		URI url = WebAddresses.parse(openidConfiguration);
		if (url == null) {
			throw new RegistrationFailed(400, "The openid_configuration parameter is missing or not an absolute URL.");
		}
		if (!WebAddresses.isSecureOrLoopback(url)) {
			throw new RegistrationFailed(400, "The platform's configuration URL must use https (plain http is accepted only on "
					+ "localhost/127.0.0.1 for development): " + openidConfiguration);
		}
		return url;
	}

	Outcome register(String openidConfiguration, String registrationToken) {
		URI configUrl = checkConfigurationUrl(openidConfiguration);
		Map<String, Object> config;
		try {
			config = http.getJson(configUrl, registrationToken).json();
		}
		catch (PlatformHttp.PlatformCallFailed ex) {
			throw new RegistrationFailed(502, "Could not read the platform's OpenID configuration. " + ex.getMessage());
		}
		String issuer = string(config, "issuer");
		URI issuerUri = WebAddresses.parse(issuer);
		if (issuerUri == null) {
			throw new RegistrationFailed(400, "The platform's OpenID configuration has no valid issuer.");
		}
		// the values of the fetched configuration are named, never quoted: only a platform's own site may be read back
		if (!WebAddresses.origin(issuerUri).equals(WebAddresses.origin(configUrl))) {
			throw new RegistrationFailed(400, "The configuration's issuer is not on the host of the configuration URL "
					+ configUrl + ". Refusing a configuration that speaks for another site.");
		}
		String issuerPath = Optional.ofNullable(issuerUri.getPath()).orElse("");
		if (!Optional.ofNullable(configUrl.getPath()).orElse("").startsWith(stripSlash(issuerPath))) {
			throw new RegistrationFailed(400, "The configuration URL " + configUrl + " is not under the issuer's path.");
		}
		if (!WebAddresses.isSecureOrLoopback(issuerUri)) {
			throw new RegistrationFailed(400, "The configuration's issuer must use https.");
		}
		String authorization = endpoint(config, "authorization_endpoint");
		String token = endpoint(config, "token_endpoint");
		String jwks = endpoint(config, "jwks_uri");
		String registrationEndpoint = endpoint(config, "registration_endpoint");
		Map<String, Object> platform = object(config.get(PLATFORM_CONFIGURATION));
		String family = platform == null ? null : string(platform, "product_family_code");
		boolean deepLinking = platform == null || supportsDeepLinking(platform.get("messages_supported"));
		String tokenAudience = string(config, "authorization_server");

		Map<String, Object> response;
		try {
			response = http.postJson(URI.create(registrationEndpoint), registrationToken, registrationRequest(deepLinking))
					.json();
		}
		catch (PlatformHttp.PlatformCallFailed ex) {
			throw new RegistrationFailed(502, "The platform refused the registration. " + ex.getMessage());
		}
		Object clientIdValue = response.get("client_id");
		if (clientIdValue == null || clientIdValue.toString().isBlank()) {
			throw new RegistrationFailed(502, "The platform's registration answer has no client_id.");
		}
		String clientId = clientIdValue.toString();
		Map<String, Object> toolConfig = object(response.get(TOOL_CONFIGURATION));
		String deploymentId = toolConfig == null || toolConfig.get("deployment_id") == null ? null
				: toolConfig.get("deployment_id").toString();

		String platformName = (family == null ? "LMS" : capitalize(family)) + " at " + issuerUri.getHost()
				+ (issuerUri.getPort() == -1 ? "" : ":" + issuerUri.getPort());
		Optional<Registration> existing = registrations.find(issuer, clientId);
		try {
			if (existing.isPresent()) {
				return updateOf(existing.get(), new RegistrationChange(existing.get().id(), family, authorization, token,
						tokenAudience, jwks, deploymentId, null), registrationToken, platformName);
			}
			RegistrationState state = autoApproved(issuer) ? RegistrationState.ACTIVE : RegistrationState.PENDING;
			Registration created = registrations.create(new RegistrationValues(platformName, issuer, clientId, family,
					authorization, token, tokenAudience, jwks, null, deploymentId == null ? List.of() : List.of(deploymentId),
					state), "dynamic-registration");
			log.info("Dynamic Registration created registration {} ({}), {}", created.id(), created.describe(), state);
			return new Outcome(created, false, false, platformName);
		}
		catch (InvalidRegistrationException ex) {
			throw new RegistrationFailed(400, "The platform's values were refused: " + ex.getMessage());
		}
	}

	/**
	 * The platform answered with a client id we have already. A registration still waiting for approval takes the
	 * new values (nothing of it is in force). One in force keeps its values: the proposal waits for the admin,
	 * unless the platform signed an update of exactly that tool (Moodle's "update the existing tool").
	 */
	private Outcome updateOf(Registration r, RegistrationChange proposed, String registrationToken, String platformName) {
		if (r.state() == RegistrationState.PENDING || moodleUpdate.updates(r, registrationToken, proposed.deploymentId())) {
			Registration updated = registrations.update(r.id(), proposed.appliedTo(r), "dynamic-registration");
			log.info("Dynamic Registration updated registration {} ({})", r.id(), r.describe());
			return new Outcome(updated, true, false, platformName);
		}
		changes.propose(r, proposed);
		return new Outcome(r, true, true, platformName);
	}

	String registrationRequest(boolean deepLinking) {
		List<Map<String, Object>> messages = new ArrayList<>();
		if (deepLinking) {
			messages.add(ordered("type", "LtiDeepLinkingRequest", "target_link_uri", urls.launch(), "label",
					"Add a badge", "placements", List.of("ContentArea", "link_selection", "assignment_selection")));
		}
		messages.add(ordered("type", "LtiResourceLinkRequest", "target_link_uri", urls.launch(), "label", "Badges",
				"placements", List.of("course_navigation"), "https://canvas.instructure.com/lti/visibility", "members"));
		Map<String, Object> toolConfiguration = ordered("domain", urls.domain(), "target_link_uri", urls.launch(),
				"description", "Awards verifiable Open Badges and microcredentials from course results", "custom_parameters",
				Map.of(), "claims", List.of("iss", "sub", "name", "given_name", "family_name", "email", "locale"), "messages",
				messages, "https://canvas.instructure.com/lti/privacy_level", "public");
		Map<String, Object> request = ordered("application_type", "web", "response_types", List.of("id_token"),
				"grant_types", List.of("implicit", "client_credentials"), "initiate_login_uri", urls.login(), "redirect_uris",
				List.of(urls.launch()), "client_name", "BadgeBridge", "jwks_uri", urls.jwks(), "logo_uri",
				urls.logo(), "token_endpoint_auth_method", "private_key_jwt", "scope",
				String.join(" ", SCOPES), TOOL_CONFIGURATION, toolConfiguration);
		return JSONObjectUtils.toJSONString(request);
	}

	boolean autoApproved(String issuer) {
		if (demo.isDemoIssuerWhileOff(issuer)) {
			return false;
		}
		return autoApprove.contains("*") || autoApprove.contains(stripSlash(issuer));
	}

	/** messages_supported: objects {type, placements} (spec, Canvas, Moodle 4.5) or plain strings (older Moodle). */
	static boolean supportsDeepLinking(Object messagesSupported) {
		if (!(messagesSupported instanceof List<?> list)) {
			return true;
		}
		for (Object m : list) {
			Object type = m instanceof Map<?, ?> map ? map.get("type") : m;
			if ("LtiDeepLinkingRequest".equals(type)) {
				return true;
			}
		}
		return false;
	}

	/** An endpoint the tool will call or send browsers to: https (or loopback http) on an address it may call. */
	private String endpoint(Map<String, Object> config, String name) {
		String value = string(config, name);
		URI uri = WebAddresses.parse(value);
		if (uri == null) {
			throw new RegistrationFailed(400, "The platform's OpenID configuration lacks a valid " + name + ".");
		}
		if (!WebAddresses.isSecureOrLoopback(uri)) {
			throw new RegistrationFailed(400, "The platform's " + name + " must use https.");
		}
		try {
			http.checkAddress(uri);
		}
		catch (PlatformHttp.PlatformCallFailed ex) {
			throw new RegistrationFailed(400, "The platform's " + name + " is not an address this tool calls: it points "
					+ "into a private or local network, or does not exist. An admin can allow the host "
					+ "(badgebridge.lti.allowed-hosts).");
		}
		return value;
	}

	private static String string(Map<String, Object> map, String key) {
		Object v = map.get(key);
		return v instanceof String s && !s.isBlank() ? s.trim() : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Object value) {
		return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
	}

	private static Map<String, Object> ordered(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private static String stripSlash(String s) {
		return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
	}

	private static String capitalize(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}
}
