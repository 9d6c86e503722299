package org.badgebridge.launch.internal;

import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.transaction.support.TransactionTemplate;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.InvalidBadgeException;
import org.badgebridge.launch.ToolSession;
import org.badgebridge.launch.ToolSessions;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.Registrations;
import org.badgebridge.platform.ToolKeys;
import org.badgebridge.platform.ToolUrls;

/**
 * Deep Linking 2.0: a teacher picks a badge of the course (or creates one) and the tool answers the
 * platform with a signed {@code LtiDeepLinkingResponse} holding one {@code ltiResourceLink} with the badge's
 * id as custom parameter and a line item for "badge earned" (score 1).
 */
@Controller
class DeepLinkingController {

	private final ToolSessions sessions;

	private final Badges badges;

	private final Registrations registrations;

	private final ToolKeys keys;

	private final ToolUrls urls;

	private final Clock clock;

	private final TransactionTemplate transactions;

	DeepLinkingController(ToolSessions sessions, Badges badges, Registrations registrations, ToolKeys keys, ToolUrls urls,
			Clock clock, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.sessions = sessions;
		this.badges = badges;
		this.registrations = registrations;
		this.keys = keys;
		this.urls = urls;
		this.clock = clock;
	}

	@GetMapping("/lti/deep-linking")
	String picker(ToolSession session, Model model) {
		settings(session);
		model.addAttribute("badges", badges.forContext(session.contextId()));
		return "launch/deep-linking";
	}

	@PostMapping("/lti/deep-linking")
	String respond(ToolSession session, @RequestParam(name = "badge", required = false) String badgeId,
			@RequestParam(name = "name", required = false) String name,
			@RequestParam(name = "description", required = false) String description,
			@RequestParam(name = "cancel", required = false) String cancel, Model model) {
		Map<String, Object> settings = settings(session);
		List<Map<String, Object>> items = new ArrayList<>();
		String message = null;
		boolean answered = false;
		if (cancel == null) {
			BadgeClass badge;
			if (badgeId != null && !badgeId.isBlank()) {
				badge = badges.find(badgeId).filter(b -> b.contextId() != null && b.contextId() == session.contextId())
						.orElseThrow(() -> LaunchRejected.forbidden("That badge does not belong to this course."));
			}
			else {
				try {
					// one transaction: a second submit of the same form creates no second badge
					badge = transactions.execute(tx -> {
						BadgeClass created = badges.create(name, description, session.contextId(), session.userSub(),
								session.registrationId());
						answerOnce(session);
						return created;
					});
					answered = true;
				}
				catch (InvalidBadgeException ex) {
					model.addAttribute("error", ex.getMessage());
					model.addAttribute("badges", badges.forContext(session.contextId()));
					return "launch/deep-linking";
				}
			}
			items.add(resourceLink(badge, settings));
			message = "Badge \"" + badge.name() + "\" added.";
		}
		if (!answered) {
			answerOnce(session);
		}
		Registration registration = registrations.find(session.registrationId())
				.orElseThrow(() -> LaunchRejected.forbidden("The registration is gone."));
		model.addAttribute("returnUrl", settings.get("deep_link_return_url"));
		model.addAttribute("jwt", keys.sign(response(registration, session.deploymentId(), settings, items, message)));
		return "launch/deep-linking-response";
	}

	private void answerOnce(ToolSession session) {
		if (!sessions.consumeDeepLinking(session.id())) {
			throw LaunchRejected.invalid("This deep linking request was answered already. Start again from the course.");
		}
	}

	private Map<String, Object> resourceLink(BadgeClass badge, Map<String, Object> settings) {
		Object acceptTypes = settings.get("accept_types");
		if (acceptTypes instanceof List<?> types && !types.contains("ltiResourceLink")) {
			throw LaunchRejected.malformed("The platform does not accept LTI resource links here (accept_types " + types + ").");
		}
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("type", "ltiResourceLink");
		item.put("title", badge.name());
		if (badge.description() != null && !badge.description().isBlank()) {
			item.put("text", badge.description());
		}
		item.put("url", urls.launch());
		item.put("custom", Map.of("badge_id", badge.id()));
		if (!Boolean.FALSE.equals(settings.get("accept_lineitem"))) {
			Map<String, Object> lineItem = new LinkedHashMap<>();
			lineItem.put("scoreMaximum", 1);
			lineItem.put("label", badge.name());
			lineItem.put("resourceId", "badgebridge:" + badge.id());
			lineItem.put("tag", "badgebridge");
			item.put("lineItem", lineItem);
		}
		return item;
	}

	JWTClaimsSet response(Registration registration, String deploymentId, Map<String, Object> settings,
			List<Map<String, Object>> items, String message) {
		long now = clock.millis();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(registration.clientId())
				.audience(registration.issuer()).issueTime(new Date(now)).expirationTime(new Date(now + 300_000))
				.claim("nonce", LoginStates.random()).claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_RESPONSE)
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

	private static Map<String, Object> settings(ToolSession session) {
		if (!session.isTeacher()) {
			throw LaunchRejected.forbidden("Only teachers can add badges to the course.");
		}
		if (session.deepLinking() == null) {
			throw LaunchRejected.invalid("This session has no open deep linking request. Start again from the course's "
					+ "\"add an activity\" dialog.");
		}
		try {
			return JSONObjectUtils.parse(session.deepLinking());
		}
		catch (ParseException ex) {
			throw LaunchRejected.invalid("The deep linking request is unreadable. Start again from the course.");
		}
	}
}
