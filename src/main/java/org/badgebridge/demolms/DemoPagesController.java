package org.badgebridge.demolms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo LMS's pages: the course with its activities and launch buttons, the frame a launch runs in,
 * the deep linking return, the gradebook and "register the tool again" (Dynamic Registration in a frame,
 * closed on the tool's {@code org.imsglobal.lti.close}).
 */
@ConditionalOnDemo
@Controller
@RequestMapping("/demolms")
class DemoPagesController {

	private final DemoSettings settings;

	private final DemoStore store;

	private final DemoTokens tokens;

	private final DemoLaunches launches;

	private final DemoOidcController oidc;

	private final Clock clock;

	DemoPagesController(DemoSettings settings, DemoStore store, DemoTokens tokens, DemoLaunches launches,
			DemoOidcController oidc, Clock clock) {
		this.settings = settings;
		this.store = store;
		this.tokens = tokens;
		this.launches = launches;
		this.oidc = oidc;
		this.clock = clock;
	}

	@GetMapping({ "", "/" })
	String course(@RequestParam(name = "lang", required = false) String lang, Model model) {
		model.addAttribute("lang", DemoLaunches.language(lang));
		model.addAttribute("tool", store.tool().orElse(null));
		model.addAttribute("links", store.links());
		model.addAttribute("users", store.users());
		return "demolms/course";
	}

	@GetMapping("/launch")
	String launch(@RequestParam(name = "user") String user, @RequestParam(name = "link", required = false) Long link,
			@RequestParam(name = "lang", required = false) String lang, Model model) {
		DemoStore.User u = store.user(user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("user", u);
		model.addAttribute("link", link == null ? null : store.link(link).orElse(null));
		model.addAttribute("frameSrc", "/demolms/initiate?user=" + u.id() + (link == null ? "&dl=1" : "&link=" + link)
				+ "&lang=" + DemoLaunches.language(lang));
		return "demolms/launch";
	}

	/** Inside the frame: posts the login initiation to the tool, as Moodle does. */
	@GetMapping("/initiate")
	String initiate(@RequestParam(name = "user") String user, @RequestParam(name = "link", required = false) Long link,
			@RequestParam(name = "dl", required = false) String dl, @RequestParam(name = "lang", required = false) String lang,
			Model model) {
		DemoStore.Tool tool = store.tool().orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
				"BadgeBridge is not registered with the demo LMS yet"));
		DemoStore.User u = store.user(user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		boolean deepLinking = dl != null;
		if (deepLinking && !u.teacher()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only teachers add activities");
		}
		if (!deepLinking) {
			store.link(link == null ? -1 : link).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		model.addAttribute("action", tool.initiateLoginUri());
		model.addAttribute("fields", launches.initiation(tool, u, link, deepLinking, DemoLaunches.language(lang)));
		return "demolms/autopost";
	}

	@PostMapping("/deep-linking/return")
	String deepLinkingReturn(@RequestParam(name = "JWT", required = false) String jwt, Model model) {
		DemoStore.Tool tool = store.tool().orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT));
		JWTClaimsSet claims;
		try {
			claims = tokens.verifyTool(jwt == null ? "" : jwt, tool.jwksUri());
		}
		catch (DemoTokens.InvalidToolToken ex) {
			model.addAttribute("message", "The tool's deep linking response was refused: " + ex.getMessage());
			return "demolms/auth-error";
		}
		if (!tool.clientId().equals(claims.getIssuer()) || claims.getAudience() == null
				|| !claims.getAudience().contains(settings.issuer()) || claims.getClaim("nonce") == null
				|| !"LtiDeepLinkingResponse".equals(claims.getClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"))
				|| !tool.deploymentId().equals(claims.getClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id"))) {
			model.addAttribute("message", "The tool's deep linking response was refused: wrong iss, aud, nonce, type or deployment");
			return "demolms/auth-error";
		}
		List<String> added = new ArrayList<>();
		Object items = claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
		if (items instanceof List<?> list) {
			for (Object o : list) {
				if (!(o instanceof Map<?, ?> item) || !"ltiResourceLink".equals(item.get("type"))) {
					continue;
				}
				String title = item.get("title") == null ? "BadgeBridge" : item.get("title").toString();
				String custom = item.get("custom") instanceof Map<?, ?> c ? JSONObjectUtils.toJSONString(stringMap(c)) : null;
				long linkId = store.addLink(tool.clientId(), title, item.get("url") == null ? null : item.get("url").toString(),
						custom);
				if (item.get("lineItem") instanceof Map<?, ?> li) {
					double max = li.get("scoreMaximum") instanceof Number n ? n.doubleValue() : 100;
					// like Moodle, the column is named after the activity, not lineItem.label
					store.addLineItem(tool.clientId(), linkId, title, max,
							li.get("resourceId") == null ? null : li.get("resourceId").toString(),
							li.get("tag") == null ? null : li.get("tag").toString());
				}
				added.add(title);
			}
		}
		model.addAttribute("added", added);
		return "demolms/dl-done";
	}

	@GetMapping("/gradebook")
	String gradebook(Model model) {
		List<DemoStore.LineItem> items = store.lineItems();
		Map<String, String> grades = new LinkedHashMap<>();
		for (DemoStore.LineItem li : items) {
			for (DemoStore.Grade g : store.grades(li.id())) {
				grades.put(li.id() + "_" + g.userId(), g.score() == null ? "" : trim(g.score()));
			}
		}
		model.addAttribute("items", items);
		model.addAttribute("learners", store.users().stream().filter(u -> !u.teacher()).toList());
		model.addAttribute("grades", grades);
		return "demolms/gradebook";
	}

	@PostMapping("/gradebook")
	String saveGrades(@RequestParam Map<String, String> form) {
		long now = clock.millis();
		for (DemoStore.LineItem li : store.lineItems()) {
			for (DemoStore.User u : store.users()) {
				String value = form.get("g_" + li.id() + "_" + u.id());
				if (value == null) {
					continue;
				}
				String current = store.grade(li.id(), u.id()).map(g -> g.score() == null ? "" : trim(g.score())).orElse("");
				if (value.isBlank()) {
					if (!current.isEmpty()) {
						store.clearGrade(li.id(), u.id());
					}
					continue;
				}
				double score;
				try {
					score = Double.parseDouble(value.trim().replace(',', '.'));
				}
				catch (NumberFormatException ex) {
					continue;
				}
				if (score < 0 || score > li.scoreMaximum() || trim(score).equals(current)) {
					continue;
				}
				store.setGrade(li.id(), u.id(), score, li.scoreMaximum(), null, now);
			}
		}
		return "redirect:/demolms/gradebook?saved";
	}

	@GetMapping("/register-tool")
	String registerTool(@RequestParam(name = "update", required = false) String update, Model model) {
		String clientId = update != null ? store.tool().map(DemoStore.Tool::clientId).orElse(null) : null;
		model.addAttribute("registrationUrl", settings.toolUrl() + "/lti/register?openid_configuration="
				+ URLEncoder.encode(settings.url("/.well-known/openid-configuration"), StandardCharsets.UTF_8)
				+ "&registration_token=" + oidc.registrationToken(clientId));
		return "demolms/register";
	}

	private static Map<String, String> stringMap(Map<?, ?> map) {
		Map<String, String> m = new LinkedHashMap<>();
		map.forEach((k, v) -> m.put(String.valueOf(k), String.valueOf(v)));
		return m;
	}

	private static String trim(double d) {
		return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
	}
}
