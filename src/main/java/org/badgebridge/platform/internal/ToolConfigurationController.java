package org.badgebridge.platform.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.badgebridge.platform.ToolUrls;
import org.badgebridge.web.PublicEndpoint;

/** The Canvas developer-key JSON configuration (public: it holds only public URLs). */
@RestController
@PublicEndpoint("the tool's public configuration values for an LMS admin (Canvas JSON)")
class ToolConfigurationController {

	private final ToolUrls urls;

	ToolConfigurationController(ToolUrls urls) {
		this.urls = urls;
	}

	@GetMapping(path = "/lti/config/canvas.json", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> canvas() {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("title", "BadgeBridge");
		config.put("description", "Awards verifiable Open Badges and microcredentials from course results");
		config.put("oidc_initiation_url", urls.login());
		config.put("target_link_uri", urls.launch());
		config.put("public_jwk_url", urls.jwks());
		config.put("scopes", DynamicRegistration.SCOPES);
		config.put("extensions", List.of(Map.of("platform", "canvas.instructure.com", "domain", urls.domain(),
				"privacy_level", "public", "settings", Map.of("placements", List.of(
						placement("course_navigation", "LtiResourceLinkRequest", "Badges"),
						placement("link_selection", "LtiDeepLinkingRequest", "Add a badge"),
						placement("assignment_selection", "LtiDeepLinkingRequest", "Add a badge"))))));
		config.put("custom_fields", Map.of());
		return config;
	}

	private Map<String, Object> placement(String placement, String messageType, String text) {
		return Map.of("placement", placement, "message_type", messageType, "text", text, "target_link_uri",
				urls.launch());
	}
}
