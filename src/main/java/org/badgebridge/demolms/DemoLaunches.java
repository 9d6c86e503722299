package org.badgebridge.demolms;

import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.stereotype.Component;

/**
 * What the demo platform puts in a launch: a Moodle-shaped id_token for a resource link or a deep linking
 * request, and the signed message hint that ties the login to the user who clicked.
 */
@ConditionalOnDemo
@Component
class DemoLaunches {

	private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	private final DemoSettings settings;

	private final DemoStore store;

	private final DemoTokens tokens;

	private final Clock clock;

	DemoLaunches(DemoSettings settings, DemoStore store, DemoTokens tokens, Clock clock) {
		this.settings = settings;
		this.store = store;
		this.tokens = tokens;
		this.clock = clock;
	}

	/** The course's language the demo LMS launches in: "nl" or "en" (anything else). */
	static String language(String lang) {
		return "nl".equals(lang) ? "nl" : "en";
	}

	/** The login initiation fields, as Moodle posts them to the tool's initiate login URL; the launch that follows says {@code language} in {@code launch_presentation.locale}. */
	Map<String, String> initiation(DemoStore.Tool tool, DemoStore.User user, Long linkId, boolean deepLinking, String language) {
		JWTClaimsSet.Builder hint = tokens.own("message-hint", 600_000).subject(String.valueOf(user.id()))
				.claim("type", deepLinking ? "LtiDeepLinkingRequest" : "LtiResourceLinkRequest")
				.claim("locale", language(language));
		if (linkId != null) {
			hint.claim("link", linkId);
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("iss", settings.issuer());
		fields.put("target_link_uri", deepLinking && tool.deepLinkingUri() != null ? tool.deepLinkingUri() : tool.targetLinkUri());
		fields.put("login_hint", String.valueOf(user.id()));
		fields.put("lti_message_hint", tokens.sign(hint.build()));
		fields.put("client_id", tool.clientId());
		fields.put("lti_deployment_id", tool.deploymentId());
		return fields;
	}

	JWTClaimsSet idToken(DemoStore.Tool tool, JWTClaimsSet hint, String nonce) {
		DemoStore.User user = store.user(hint.getSubject()).orElseThrow();
		boolean deepLinking = "LtiDeepLinkingRequest".equals(hint.getClaim("type"));
		long now = clock.millis();
		JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer(settings.issuer()).audience(tool.clientId())
				.subject(String.valueOf(user.id())).issueTime(new Date(now)).expirationTime(new Date(now + 60_000))
				.claim("nonce", nonce).claim(LTI + "deployment_id", tool.deploymentId()).claim(LTI + "version", "1.3.0")
				.claim(LTI + "roles", List.of(user.teacher() ? "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
						: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
				.claim(LTI + "context", Map.of("id", String.valueOf(DemoStore.COURSE), "label", "DL101", "title",
						"Data Literacy 101", "type", List.of("CourseSection")))
				.claim(LTI + "tool_platform", Map.of("guid", "badgebridge-demo", "name", "BadgeBridge demo LMS",
						"product_family_code", "badgebridge-demo", "version", "1.0"))
				.claim(LTI + "launch_presentation", Map.of("locale", language((String) hint.getClaim("locale")), "document_target", "iframe", "return_url",
						settings.url("")))
				.claim("name", user.name()).claim("given_name", user.givenName()).claim("family_name", user.familyName())
				.claim("email", user.email())
				.claim(LTI + "ext", Map.of("lms", "badgebridge-demo"));
		Map<String, Object> nrps = Map.of("context_memberships_url", settings.memberships(DemoStore.COURSE, tool.clientId()),
				"service_versions", List.of("1.0", "2.0"));
		c.claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", nrps);
		if (deepLinking) {
			c.claim(LTI + "message_type", "LtiDeepLinkingRequest")
					.claim(LTI + "target_link_uri", tool.deepLinkingUri() != null ? tool.deepLinkingUri() : tool.targetLinkUri())
					.claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", Map.of("deep_link_return_url",
							settings.url("/deep-linking/return"), "accept_types", List.of("ltiResourceLink"),
							"accept_presentation_document_targets", List.of("frame", "iframe", "window"), "accept_multiple", true,
							"accept_lineitem", true, "auto_create", true, "title", "", "text", "", "data",
							UUID.randomUUID().toString()));
			c.claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", ags(tool, null));
		}
		else {
			long linkId = ((Number) hint.getClaim("link")).longValue();
			DemoStore.Link link = store.link(linkId).orElseThrow();
			c.claim(LTI + "message_type", "LtiResourceLinkRequest")
					.claim(LTI + "target_link_uri", link.url() != null ? link.url() : tool.targetLinkUri())
					.claim(LTI + "resource_link", Map.of("id", String.valueOf(link.id()), "title", link.title(), "description", ""))
					.claim(LTI + "custom", custom(link))
					.claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", ags(tool, link.id()));
		}
		return c.build();
	}

	private Map<String, Object> ags(DemoStore.Tool tool, Long linkId) {
		Map<String, Object> ags = new LinkedHashMap<>();
		ags.put("scope", tool.scopes().stream().filter(s -> s.contains("lti-ags")).toList());
		ags.put("lineitems", settings.lineItems(DemoStore.COURSE, tool.clientId()));
		if (linkId != null) {
			List<DemoStore.LineItem> items = new ArrayList<>(store.lineItemsOf(tool.clientId()).stream()
					.filter(li -> linkId.equals(li.linkId())).toList());
			if (items.size() == 1) { // like Moodle: only when exactly one column belongs to the link
				ags.put("lineitem", settings.lineItem(DemoStore.COURSE, items.get(0).id(), tool.clientId()));
			}
		}
		return ags;
	}

	private static Map<String, Object> custom(DemoStore.Link link) {
		if (link.custom() == null || link.custom().isBlank()) {
			return Map.of();
		}
		try {
			return JSONObjectUtils.parse(link.custom());
		}
		catch (ParseException ex) {
			return Map.of();
		}
	}
}
