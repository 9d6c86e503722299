package org.badgebridge.demolms;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.util.JSONArrayUtils;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.badgebridge.demolms.DemoServiceRequests.Refused;

import static org.badgebridge.demolms.DemoServiceRequests.accept;
import static org.badgebridge.demolms.DemoServiceRequests.contentType;
import static org.badgebridge.demolms.DemoServiceRequests.curlyNext;
import static org.badgebridge.demolms.DemoServiceRequests.page;
import static org.badgebridge.demolms.DemoServiceRequests.parse;
import static org.badgebridge.demolms.DemoServiceRequests.string;

/**
 * AGS 2.0 results and scores of the demo platform, in a tool's own columns: results paged with Moodle's
 * curly-quoted {@code rel="next"} and without {@code resultScore} for a zero grade; scores scaled to the
 * column's maximum and refused unless strictly newer than the one on record (409, second resolution), and
 * only for learners. Token, media type and paging checks are {@link DemoServiceRequests}'s.
 */
@ConditionalOnDemo
@RestController
@RequestMapping("/demolms/services")
class DemoGradesController {

	static final String RESULT_CONTAINER = "application/vnd.ims.lis.v2.resultcontainer+json";

	static final String SCORE = "application/vnd.ims.lis.v1.score+json";

	private final DemoSettings settings;

	private final DemoStore store;

	private final DemoServiceRequests requests;

	DemoGradesController(DemoSettings settings, DemoStore store, DemoServiceRequests requests) {
		this.settings = settings;
		this.store = store;
		this.requests = requests;
	}

	@GetMapping("/{course}/lineitems/{item}/lineitem/results")
	ResponseEntity<String> results(@PathVariable long course, @PathVariable long item,
			@RequestParam(name = "type_id") String typeId, @RequestParam(name = "user_id", required = false) String userId,
			@RequestParam(name = "limit", required = false) Integer limit,
			@RequestParam(name = "from", required = false, defaultValue = "0") int from, HttpServletRequest request) {
		String client = requests.authorize(request, typeId, Set.of(DemoOidcController.AGS_RESULT_READ));
		accept(request, RESULT_CONTAINER);
		DemoStore.LineItem li = requests.ownLineItem(item, client);
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
			r.put("timestamp", OffsetDateTime.ofInstant(Instant.ofEpochMilli(g.modifiedAt()), ZoneOffset.UTC).toString());
			all.add(r);
		}
		return page(all, limit, from, RESULT_CONTAINER, end -> curlyNext(lineItemUrl.replace("/lineitem?", "/lineitem/results?")
				+ "&limit=" + limit + "&from=" + end + (userId == null ? "" : "&user_id=" + userId)), JSONArrayUtils::toJSONString);
	}

	@PostMapping("/{course}/lineitems/{item}/lineitem/scores")
	ResponseEntity<String> score(@PathVariable long course, @PathVariable long item,
			@RequestParam(name = "type_id") String typeId, @RequestBody(required = false) String body,
			HttpServletRequest request) {
		String client = requests.authorize(request, typeId, Set.of(DemoOidcController.AGS_SCORE));
		contentType(request, SCORE);
		DemoStore.LineItem li = requests.ownLineItem(item, client);
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
}
