package org.badgebridge.demolms;

import java.text.ParseException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * AGS 2.0 and NRPS 2.0 of the demo platform, with Moodle's particulars: exact media types (400 otherwise),
 * {@code ?type_id=} in every URL, curly-quoted {@code rel="next"} on line items and results, results without
 * {@code resultScore} for a zero grade, scores refused unless strictly newer (409, second resolution), and
 * only the tool's own columns visible.
 */
@ConditionalOnDemo
@RestController
@RequestMapping("/demolms/services")
class DemoServicesController {

	static final String LINEITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";

	static final String LINEITEM = "application/vnd.ims.lis.v2.lineitem+json";

	static final String RESULT_CONTAINER = "application/vnd.ims.lis.v2.resultcontainer+json";

	static final String SCORE = "application/vnd.ims.lis.v1.score+json";

	static final String MEMBERSHIPS = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

	private final DemoSettings settings;

	private final DemoStore store;

	private final DemoTokens tokens;

	private final Clock clock;

	DemoServicesController(DemoSettings settings, DemoStore store, DemoTokens tokens, Clock clock) {
		this.settings = settings;
		this.store = store;
		this.tokens = tokens;
		this.clock = clock;
	}

	private static class Refused extends RuntimeException {

		final int status;

		Refused(int status, String message) {
			super(message);
			this.status = status;
		}
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(Refused.class)
	ResponseEntity<String> refused(Refused ex) {
		return ResponseEntity.status(ex.status).header("Content-Type", "text/plain").body(ex.getMessage());
	}

	@GetMapping("/{course}/lineitems")
	ResponseEntity<String> lineItems(@PathVariable long course, @RequestParam(name = "type_id") String typeId,
			@RequestParam(name = "resource_link_id", required = false) String resourceLinkId,
			@RequestParam(name = "resource_id", required = false) String resourceId,
			@RequestParam(name = "tag", required = false) String tag,
			@RequestParam(name = "limit", required = false) Integer limit,
			@RequestParam(name = "from", required = false, defaultValue = "0") int from, HttpServletRequest request) {
		String client = authorize(request, typeId, Set.of(DemoOidcController.AGS_LINEITEM, DemoOidcController.AGS_LINEITEM_READ));
		accept(request, LINEITEM_CONTAINER);
		List<Map<String, Object>> all = new ArrayList<>();
		for (DemoStore.LineItem li : store.lineItemsOf(client)) {
			if ((resourceLinkId == null || resourceLinkId.equals(String.valueOf(li.linkId())))
					&& (resourceId == null || resourceId.equals(li.resourceId())) && (tag == null || tag.equals(li.tag()))) {
				all.add(json(li, client));
			}
		}
		return page(all, limit, from, LINEITEM_CONTAINER,
				end -> curlyNext(settings.lineItems(course, client) + "&limit=" + limit + "&from=" + end), JSONArrayUtils::toJSONString);
	}

	@PostMapping("/{course}/lineitems")
	ResponseEntity<String> createLineItem(@PathVariable long course, @RequestParam(name = "type_id") String typeId,
			@RequestBody(required = false) String body, HttpServletRequest request) {
		String client = authorize(request, typeId, Set.of(DemoOidcController.AGS_LINEITEM));
		contentType(request, LINEITEM);
		Map<String, Object> item = parse(body);
		String label = item.get("label") instanceof String s && !s.isBlank() ? s : null;
		if (label == null || !(item.get("scoreMaximum") instanceof Number max) || max.doubleValue() <= 0) {
			throw new Refused(400, "label and a positive numeric scoreMaximum are required");
		}
		Long linkId = null;
		if (item.get("resourceLinkId") != null) {
			try {
				linkId = Long.parseLong(item.get("resourceLinkId").toString());
			}
			catch (NumberFormatException ex) {
				throw new Refused(403, "resourceLinkId is not a link of this tool");
			}
			Long id = linkId;
			if (store.link(id).filter(l -> client.equals(l.clientId())).isEmpty()) {
				throw new Refused(403, "resourceLinkId is not a link of this tool");
			}
		}
		long id = store.addLineItem(client, linkId, label, max.doubleValue(), string(item.get("resourceId")),
				string(item.get("tag")));
		return ResponseEntity.status(201).header("Content-Type", LINEITEM)
				.body(JSONObjectUtils.toJSONString(json(store.lineItem(id).orElseThrow(), client)));
	}

	@GetMapping("/{course}/lineitems/{item}/lineitem")
	ResponseEntity<String> lineItem(@PathVariable long course, @PathVariable long item,
			@RequestParam(name = "type_id") String typeId, HttpServletRequest request) {
		String client = authorize(request, typeId, Set.of(DemoOidcController.AGS_LINEITEM, DemoOidcController.AGS_LINEITEM_READ));
		accept(request, LINEITEM);
		return ResponseEntity.ok().header("Content-Type", LINEITEM)
				.body(JSONObjectUtils.toJSONString(json(own(item, client), client)));
	}

	@PutMapping("/{course}/lineitems/{item}/lineitem")
	ResponseEntity<String> updateLineItem(@PathVariable long course, @PathVariable long item,
			@RequestParam(name = "type_id") String typeId, @RequestBody(required = false) String body,
			HttpServletRequest request) {
		String client = authorize(request, typeId, Set.of(DemoOidcController.AGS_LINEITEM));
		contentType(request, LINEITEM);
		DemoStore.LineItem existing = own(item, client);
		Map<String, Object> values = parse(body);
		if (!(values.get("label") instanceof String label) || !(values.get("scoreMaximum") instanceof Number max)) {
			throw new Refused(400, "label and scoreMaximum are required");
		}
		store.updateLineItem(item, label, max.doubleValue(), values.containsKey("resourceId") ? string(values.get("resourceId"))
				: existing.resourceId(), values.containsKey("tag") ? string(values.get("tag")) : existing.tag());
		return ResponseEntity.ok().header("Content-Type", LINEITEM)
				.body(JSONObjectUtils.toJSONString(json(own(item, client), client)));
	}

	@DeleteMapping("/{course}/lineitems/{item}/lineitem")
	ResponseEntity<Void> deleteLineItem(@PathVariable long course, @PathVariable long item,
			@RequestParam(name = "type_id") String typeId, HttpServletRequest request) {
		String client = authorize(request, typeId, Set.of(DemoOidcController.AGS_LINEITEM));
		DemoStore.LineItem li = own(item, client);
		if (li.linkId() != null) {
			throw new Refused(403, "a link's own column cannot be deleted");
		}
		store.deleteLineItem(item);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{course}/lineitems/{item}/lineitem/results")
	ResponseEntity<String> results(@PathVariable long course, @PathVariable long item,
			@RequestParam(name = "type_id") String typeId, @RequestParam(name = "user_id", required = false) String userId,
			@RequestParam(name = "limit", required = false) Integer limit,
			@RequestParam(name = "from", required = false, defaultValue = "0") int from, HttpServletRequest request) {
		String client = authorize(request, typeId, Set.of(DemoOidcController.AGS_RESULT_READ));
		accept(request, RESULT_CONTAINER);
		DemoStore.LineItem li = own(item, client);
		String lineItemUrl = settings.lineItem(course, item, client);
		List<Map<String, Object>> all = new ArrayList<>();
		for (DemoStore.Grade g : store.grades(item)) {
			if (userId != null && !userId.equals(String.valueOf(g.userId()))) {
				continue;
			}
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("id", lineItemUrl.replace("/lineitem?", "/lineitem/results?") + "&user_id=" + g.userId());
			r.put("userId", String.valueOf(g.userId()));
			if (g.score() != null && g.score() != 0.0) { // Moodle leaves a zero grade without resultScore
				r.put("resultScore", g.score());
				r.put("resultMaximum", li.scoreMaximum());
			}
			if (g.comment() != null) {
				r.put("comment", g.comment());
			}
			r.put("scoreOf", lineItemUrl);
			r.put("timestamp", OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(g.modifiedAt()), ZoneOffset.UTC).toString());
			all.add(r);
		}
		return page(all, limit, from, RESULT_CONTAINER, end -> curlyNext(lineItemUrl.replace("/lineitem?", "/lineitem/results?")
				+ "&limit=" + limit + "&from=" + end + (userId == null ? "" : "&user_id=" + userId)), JSONArrayUtils::toJSONString);
	}

	@PostMapping("/{course}/lineitems/{item}/lineitem/scores")
	ResponseEntity<String> score(@PathVariable long course, @PathVariable long item,
			@RequestParam(name = "type_id") String typeId, @RequestBody(required = false) String body,
			HttpServletRequest request) {
		String client = authorize(request, typeId, Set.of(DemoOidcController.AGS_SCORE));
		contentType(request, SCORE);
		DemoStore.LineItem li = own(item, client);
		Map<String, Object> score = parse(body);
		DemoStore.User user = store.user(string(score.get("userId"))).orElse(null);
		if (user == null || user.teacher() || score.get("timestamp") == null || score.get("activityProgress") == null
				|| score.get("gradingProgress") == null) {
			throw new Refused(400, "Incorrect score received");
		}
		long timestamp;
		try {
			timestamp = OffsetDateTime.parse(score.get("timestamp").toString()).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			throw new Refused(400, "Incorrect score received");
		}
		Object given = score.get("scoreGiven");
		if (given != null && (!(given instanceof Number) || !(score.get("scoreMaximum") instanceof Number))) {
			throw new Refused(400, "Incorrect score received");
		}
		var existing = store.grade(item, user.id());
		if (existing.isPresent() && existing.get().modifiedAt() / 1000 >= timestamp / 1000) {
			throw new Refused(409, "a newer score is on record");
		}
		Double scaled = null;
		if (given != null && "FullyGraded".equals(score.get("gradingProgress"))) {
			scaled = ((Number) given).doubleValue() / ((Number) score.get("scoreMaximum")).doubleValue() * li.scoreMaximum();
		}
		store.setGrade(item, user.id(), scaled, li.scoreMaximum(), string(score.get("comment")), timestamp);
		return ResponseEntity.ok().build();
	}

	@GetMapping("/CourseSection/{course}/bindings/{typeId}/memberships")
	ResponseEntity<String> memberships(@PathVariable long course, @PathVariable String typeId,
			@RequestParam(name = "role", required = false) String role,
			@RequestParam(name = "limit", required = false) Integer limit,
			@RequestParam(name = "from", required = false, defaultValue = "0") int from, HttpServletRequest request) {
		String client = authorize(request, typeId, Set.of(DemoOidcController.NRPS));
		accept(request, MEMBERSHIPS);
		List<Map<String, Object>> members = new ArrayList<>();
		for (DemoStore.User u : store.users()) {
			String r = u.teacher() ? "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
					: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
			if (role != null && !r.endsWith("#" + role) && !r.equals(role)) {
				continue;
			}
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("status", "Active");
			m.put("roles", List.of(r));
			m.put("user_id", String.valueOf(u.id()));
			m.put("lis_person_sourcedid", "");
			m.put("name", u.name());
			m.put("given_name", u.givenName());
			m.put("family_name", u.familyName());
			m.put("email", u.email());
			members.add(m);
		}
		String url = settings.memberships(course, client);
		return page(members, limit, from, MEMBERSHIPS, end -> "<" + url + "?limit=" + limit + "&from=" + end + ">; rel=\"next\"",
				pageOfMembers -> {
					Map<String, Object> container = new LinkedHashMap<>();
					container.put("id", url);
					container.put("context", Map.of("id", String.valueOf(course), "label", "DL101", "title", "Data Literacy 101"));
					container.put("members", pageOfMembers);
					return JSONObjectUtils.toJSONString(container);
				});
	}

	/** One page ({@code limit}/{@code from}, as Moodle pages) with a {@code Link} to the next one when there is more. */
	private static <T> ResponseEntity<String> page(List<T> all, Integer limit, int from, String contentType,
			java.util.function.IntFunction<String> nextLink, java.util.function.Function<List<T>, String> body) {
		int end = limit == null ? all.size() : Math.min(all.size(), from + Math.max(1, limit));
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("Content-Type", contentType);
		if (end < all.size()) {
			response.header(HttpHeaders.LINK, nextLink.apply(end));
		}
		return response.body(body.apply(all.subList(Math.min(from, end), end)));
	}

	/**
	 * Moodle's {@code Link} header with typographic quotes, as the UTF-8 bytes PHP puts on the wire (a servlet
	 * container writes header characters as ISO-8859-1, so the bytes are passed through that way).
	 */
	static String curlyNext(String url) {
		String header = "<" + url + ">; rel=\u201Cnext\u201D";
		return new String(header.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	private String authorize(HttpServletRequest request, String typeId, Set<String> anyOf) {
		String header = request.getHeader("Authorization");
		JWTClaimsSet token = header != null && header.startsWith("Bearer ")
				? tokens.verifyOwn(header.substring(7).trim(), "access") : null;
		if (token == null) {
			throw new Refused(401, "invalid or missing access token");
		}
		if (!token.getSubject().equals(typeId)) {
			throw new Refused(403, "the token is not for this tool");
		}
		List<String> scopes = List.of(String.valueOf(token.getClaim("scope")).split(" "));
		if (anyOf.stream().noneMatch(scopes::contains)) {
			throw new Refused(401, "the token lacks the scope for this service");
		}
		return token.getSubject();
	}

	private static void accept(HttpServletRequest request, String mediaType) {
		String accept = request.getHeader("Accept");
		if (accept == null || !(accept.equals(mediaType) || accept.contains("*/*"))) {
			throw new Refused(400, "Accept must be " + mediaType);
		}
	}

	private static void contentType(HttpServletRequest request, String mediaType) {
		if (!mediaType.equals(request.getHeader("Content-Type"))) {
			throw new Refused(400, "Content-Type must be exactly " + mediaType);
		}
	}

	private DemoStore.LineItem own(long item, String client) {
		return store.lineItem(item).filter(li -> client.equals(li.clientId()))
				.orElseThrow(() -> new Refused(404, "no such line item for this tool"));
	}

	private Map<String, Object> json(DemoStore.LineItem li, String client) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", settings.lineItem(li.courseId(), li.id(), client));
		m.put("label", li.label());
		m.put("scoreMaximum", li.scoreMaximum());
		if (li.resourceId() != null) {
			m.put("resourceId", li.resourceId());
		}
		if (li.tag() != null) {
			m.put("tag", li.tag());
		}
		if (li.linkId() != null) {
			m.put("resourceLinkId", String.valueOf(li.linkId()));
			m.put("ltiLinkId", String.valueOf(li.linkId()));
		}
		return m;
	}

	private static Map<String, Object> parse(String body) {
		try {
			return JSONObjectUtils.parse(body == null ? "" : body);
		}
		catch (ParseException ex) {
			throw new Refused(400, "the body is not a JSON object");
		}
	}

	private static String string(Object o) {
		return o == null ? null : o.toString();
	}
}
