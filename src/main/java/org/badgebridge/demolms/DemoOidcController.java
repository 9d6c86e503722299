package org.badgebridge.demolms;

import java.net.URI;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The demo platform's OpenID side, strict where Moodle is strict: configuration, keyset, Dynamic
 * Registration endpoint, OIDC authorization endpoint (only form_post, scope openid, registered redirect
 * URI, signed message hint bound to the login hint) and the client_credentials token endpoint.
 */
@ConditionalOnDemo
@Controller
@RequestMapping("/demolms")
class DemoOidcController {

	static final String AGS_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

	static final String AGS_LINEITEM_READ = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";

	static final String AGS_RESULT_READ = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";

	static final String AGS_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

	static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

	private static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DemoSettings settings;

	private final DemoStore store;

	private final DemoTokens tokens;

	private final DemoLaunches launches;

	DemoOidcController(DemoSettings settings, DemoStore store, DemoTokens tokens, DemoLaunches launches) {
		this.settings = settings;
		this.store = store;
		this.tokens = tokens;
		this.launches = launches;
	}

	@GetMapping(path = "/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> configuration() {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("issuer", settings.issuer());
		c.put("authorization_endpoint", settings.url("/auth"));
		c.put("token_endpoint", settings.tokenEndpoint());
		c.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
		c.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
		c.put("jwks_uri", settings.url("/jwks"));
		c.put("registration_endpoint", settings.url("/register"));
		c.put("scopes_supported", List.of("openid", AGS_LINEITEM, AGS_LINEITEM_READ, AGS_RESULT_READ, AGS_SCORE, NRPS));
		c.put("response_types_supported", List.of("id_token"));
		c.put("subject_types_supported", List.of("public", "pairwise"));
		c.put("id_token_signing_alg_values_supported", List.of("RS256"));
		c.put("claims_supported", List.of("sub", "iss", "name", "given_name", "family_name", "email"));
		c.put("https://purl.imsglobal.org/spec/lti-platform-configuration", Map.of("product_family_code", "badgebridge-demo",
				"version", "1.0", "messages_supported", List.of(Map.of("type", "LtiResourceLinkRequest", "placements",
						List.of("ContentArea")), Map.of("type", "LtiDeepLinkingRequest", "placements", List.of("ContentArea")))));
		return c;
	}

	@GetMapping(path = "/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> jwks() {
		return tokens.publicKeys().toJSONObject(true);
	}

	/** A registration token, as Moodle issues one when an admin starts Dynamic Registration. */
	String registrationToken(String updateClientId) {
		return tokens.sign(tokens.own("registration", 3_600_000).subject(updateClientId == null ? randomClientId() : updateClientId)
				.claim("scope", updateClientId == null ? "reg" : "reg-update").build());
	}

	@PostMapping(path = "/register", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> register(@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestBody(required = false) String body) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return ResponseEntity.status(401).contentType(MediaType.TEXT_PLAIN).body("missing_registration_token");
		}
		JWTClaimsSet token = tokens.verifyOwn(authorization.substring(7).trim(), "registration");
		if (token == null) {
			return ResponseEntity.status(401).contentType(MediaType.TEXT_PLAIN).body("invalid_registration_token");
		}
		if (!store.useJti(token.getJWTID(), token.getExpirationTime().getTime())) {
			return ResponseEntity.status(401).contentType(MediaType.TEXT_PLAIN).body("token_already_used");
		}
		Map<String, Object> request;
		try {
			request = JSONObjectUtils.parse(body == null ? "" : body);
		}
		catch (ParseException ex) {
			return bad("registration request is not JSON");
		}
		for (String required : List.of("initiate_login_uri", "redirect_uris", "client_name", "jwks_uri", "response_types",
				"token_endpoint_auth_method", TOOL_CONFIGURATION)) {
			if (request.get(required) == null) {
				return bad("missing required attribute " + required);
			}
		}
		if (request.get("application_type") != null && !"web".equals(request.get("application_type"))) {
			return bad("invalid_application_type");
		}
		if (!(request.get("response_types") instanceof List<?> rt) || !rt.contains("id_token")) {
			return bad("invalid_response_types");
		}
		if (!"private_key_jwt".equals(request.get("token_endpoint_auth_method"))) {
			return bad("invalid_token_endpoint_auth_method");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> toolConfig = (Map<String, Object>) request.get(TOOL_CONFIGURATION);
		String domain = (String) toolConfig.get("domain");
		String target = (String) toolConfig.get("target_link_uri");
		if (domain == null) {
			return bad("missing_domain");
		}
		URI targetUri = target == null ? null : URI.create(target);
		if (targetUri == null || !domain.equals(targetUri.getHost() + (targetUri.getPort() == -1 ? "" : ":" + targetUri.getPort()))) {
			return bad("domain_targetlinkuri_mismatch");
		}
		String deepLinking = null;
		if (toolConfig.get("messages") instanceof List<?> messages) {
			for (Object m : messages) {
				if (m instanceof Map<?, ?> msg && "LtiDeepLinkingRequest".equals(msg.get("type"))) {
					deepLinking = msg.get("target_link_uri") == null ? target : msg.get("target_link_uri").toString();
				}
			}
		}
		List<String> granted = new ArrayList<>();
		for (String scope : String.valueOf(request.getOrDefault("scope", "")).split(" ")) {
			if (List.of(AGS_LINEITEM, AGS_LINEITEM_READ, AGS_RESULT_READ, AGS_SCORE, NRPS).contains(scope)) {
				granted.add(scope);
			}
		}
		String clientId = token.getSubject();
		boolean update = "reg-update".equals(token.getClaim("scope")) && store.tool(clientId).isPresent();
		List<String> redirects = ((List<?>) request.get("redirect_uris")).stream().map(String::valueOf).toList();
		store.saveTool(new DemoStore.Tool(clientId, "1", String.valueOf(request.get("client_name")),
				String.valueOf(request.get("initiate_login_uri")), redirects, String.valueOf(request.get("jwks_uri")), target,
				deepLinking, granted), update);
		Map<String, Object> response = new LinkedHashMap<>(request);
		response.put("client_id", clientId);
		response.put("scope", String.join(" ", granted));
		Map<String, Object> echoedConfig = new LinkedHashMap<>(toolConfig);
		echoedConfig.put("deployment_id", "1");
		response.put(TOOL_CONFIGURATION, echoedConfig);
		return ResponseEntity.ok(response);
	}

	/** The OIDC authorization endpoint (GET or POST), answering with an auto-posted form to the tool. */
	@RequestMapping(path = "/auth", method = { RequestMethod.GET, RequestMethod.POST })
	String authorize(@RequestParam Map<String, String> params, Model model) {
		String error = null;
		DemoStore.Tool tool = params.get("client_id") == null ? null : store.tool(params.get("client_id")).orElse(null);
		if (!"openid".equals(params.get("scope")) || !"id_token".equals(params.get("response_type"))
				|| !"form_post".equals(params.get("response_mode"))
				|| !(params.get("prompt") == null || params.get("prompt").isEmpty() || "none".equals(params.get("prompt")))
				|| params.get("nonce") == null || params.get("state") == null) {
			error = "invalid_request";
		}
		else if (tool == null) {
			error = "unauthorized_client";
		}
		else if (!tool.redirectUris().contains(params.get("redirect_uri"))) {
			error = "invalid_request: redirect_uri is not registered";
		}
		JWTClaimsSet hint = params.get("lti_message_hint") == null ? null
				: tokens.verifyOwn(params.get("lti_message_hint"), "message-hint");
		if (error == null && (hint == null || !String.valueOf(hint.getSubject()).equals(params.get("login_hint")))) {
			error = "invalid_request: the login hint is not the user who started the launch";
		}
		if (error != null) {
			model.addAttribute("message", "Invalid request (" + error + ")");
			return "demolms/auth-error";
		}
		String idToken = tokens.sign(launches.idToken(tool, hint, params.get("nonce")));
		model.addAttribute("action", params.get("redirect_uri"));
		model.addAttribute("fields", Map.of("id_token", idToken, "state", params.get("state")));
		return "demolms/autopost";
	}

	@PostMapping(path = "/token", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> token(@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestParam Map<String, String> form) {
		if (contentType == null || !contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
			return oauthError("invalid_request");
		}
		if (!"client_credentials".equals(form.get("grant_type"))) {
			return oauthError("unsupported_grant_type");
		}
		if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))
				|| form.get("client_assertion") == null) {
			return oauthError("invalid_request");
		}
		JWTClaimsSet assertion;
		DemoStore.Tool tool;
		try {
			String sub = com.nimbusds.jwt.JWTParser.parse(form.get("client_assertion")).getJWTClaimsSet().getSubject();
			tool = sub == null ? null : store.tool(sub).orElse(null);
			if (tool == null) {
				return oauthError("invalid_client");
			}
			assertion = tokens.verifyTool(form.get("client_assertion"), tool.jwksUri());
		}
		catch (ParseException | DemoTokens.InvalidToolToken ex) {
			return oauthError("invalid_client");
		}
		if (!tool.clientId().equals(assertion.getIssuer()) || assertion.getAudience() == null
				|| !assertion.getAudience().contains(settings.tokenEndpoint()) || assertion.getJWTID() == null
				|| !store.useJti(assertion.getJWTID(), assertion.getExpirationTime().getTime())) {
			return oauthError("invalid_client");
		}
		List<String> granted = new ArrayList<>();
		for (String scope : form.getOrDefault("scope", "").split(" ")) {
			if (tool.scopes().contains(scope)) {
				granted.add(scope);
			}
		}
		if (granted.isEmpty()) {
			return oauthError("invalid_scope");
		}
		String accessToken = tokens.sign(tokens.own("access", 3_600_000).subject(tool.clientId())
				.claim("scope", String.join(" ", granted)).build());
		return ResponseEntity.ok(Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", 3600, "scope",
				String.join(" ", granted)));
	}

	private static ResponseEntity<Object> bad(String message) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN).body(message);
	}

	private static ResponseEntity<Map<String, Object>> oauthError(String error) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", error));
	}

	private static String randomClientId() {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < 15; i++) {
			s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return s.toString();
	}

}
