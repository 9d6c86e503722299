package org.badgebridge.launch;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.ModelAndView;

import org.badgebridge.platform.Registration;
import org.badgebridge.platform.Registrations;
import org.badgebridge.platform.ToolKeys;
import org.badgebridge.platform.ToolUrls;
import org.badgebridge.launch.internal.LtiClaims;
import org.badgebridge.web.AccessRefused;
import org.badgebridge.web.ContentSecurityPolicy;

/**
 * The tool's side of Deep Linking 2.0: answers a platform's request at most once with a signed
 * {@code LtiDeepLinkingResponse} ({@code iss} = client id, {@code aud} = issuer, {@code data} echoed) holding the
 * resource links the teacher chose, auto-posted to the platform's return URL. What the links are (a badge) is the
 * caller's business.
 */
@Service
public class DeepLinking {

	/** An {@code ltiResourceLink} to the tool's launch URL, with custom parameters and an optional line item. */
	public record ResourceLink(String title, String text, Map<String, String> custom, LineItem lineItem) {
	}

	/** The line item the platform creates with the link. */
	public record LineItem(double scoreMaximum, String label, String resourceId, String tag) {
	}

	private final ToolSessions sessions;

	private final Registrations registrations;

	private final ToolKeys keys;

	private final ToolUrls urls;

	private final java.time.Clock clock;

	DeepLinking(ToolSessions sessions, Registrations registrations, ToolKeys keys, ToolUrls urls, java.time.Clock clock) {
		this.sessions = sessions;
		this.registrations = registrations;
		this.keys = keys;
		this.urls = urls;
		this.clock = clock;
	}

	/** Uses the request up: a second answer (a form sent twice) is refused. Call inside the transaction that made the content. */
	public void consume(DeepLinkingTeacher teacher) {
		if (!sessions.consumeDeepLinking(teacher.session().id())) {
			throw new AccessRefused(409, "This deep linking request was answered already. Start again from the course.",
					"common.refused.deepLinkingAnswered");
		}
	}

	/** The page that posts the signed response (already {@link #consume consumed}) back to the platform. */
	public ModelAndView answer(DeepLinkingTeacher teacher, List<ResourceLink> links, String message) {
		Map<String, Object> settings = teacher.settings();
		List<Map<String, Object>> items = new ArrayList<>();
		for (ResourceLink link : links) {
			items.add(item(link, settings));
		}
		Registration registration = registrations.find(teacher.session().registrationId())
				.orElseThrow(() -> AccessRefused.forbidden("The registration is gone.", "common.refused.registrationGone"));
		ModelAndView page = new ModelAndView("launch/deep-linking-response");
		page.addObject("returnUrl", settings.get("deep_link_return_url"));
		page.addObject(ContentSecurityPolicy.FORM_TARGET, settings.get("deep_link_return_url"));
		page.addObject("jwt", keys.sign(response(registration, teacher.session().deploymentId(), settings, items, message)));
		return page;
	}

	private Map<String, Object> item(ResourceLink link, Map<String, Object> settings) {
		Object acceptTypes = settings.get("accept_types");
		if (acceptTypes instanceof List<?> types && !types.contains("ltiResourceLink")) {
			throw new AccessRefused(400, "The platform does not accept LTI resource links here (accept_types " + types + ").",
					"common.refused.noResourceLinks");
		}
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("type", "ltiResourceLink");
		item.put("title", link.title());
		if (link.text() != null && !link.text().isBlank()) {
			item.put("text", link.text());
		}
		item.put("url", urls.launch());
		item.put("custom", link.custom());
		if (link.lineItem() != null && !Boolean.FALSE.equals(settings.get("accept_lineitem"))) {
			Map<String, Object> lineItem = new LinkedHashMap<>();
			double max = link.lineItem().scoreMaximum();
			lineItem.put("scoreMaximum", max == Math.rint(max) ? (Object) (long) max : max);
			lineItem.put("label", link.lineItem().label());
			lineItem.put("resourceId", link.lineItem().resourceId());
			lineItem.put("tag", link.lineItem().tag());
			item.put("lineItem", lineItem);
		}
		return item;
	}

	JWTClaimsSet response(Registration registration, String deploymentId, Map<String, Object> settings,
			List<Map<String, Object>> items, String message) {
		long now = clock.millis();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(registration.clientId())
				.audience(registration.issuer()).issueTime(new Date(now)).expirationTime(new Date(now + 300_000))
				.claim("nonce", ToolSessions.randomId()).claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_RESPONSE)
				.claim(LtiClaims.VERSION, "1.3.0").claim(LtiClaims.DEPLOYMENT_ID, deploymentId)
				.claim(LtiClaims.DL_CONTENT_ITEMS, items);
		if (settings.get("data") != null) {
			claims.claim(LtiClaims.DL_DATA, settings.get("data"));
		}
		if (message != null) {
			claims.claim(LtiClaims.DL_MSG, message);
		}
		return claims.build();
	}
}
