package org.badgebridge.lms;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import org.badgebridge.lms.internal.LmsHttp;
import org.badgebridge.platform.Registration;

/**
 * Assignment and Grade Services 2.0: line items (list with filters, create, read, update), results and
 * scores. Sends the exact media types (Moodle answers 400 otherwise), follows {@code rel="next"} pages,
 * builds {@code /results} and {@code /scores} on the line item's path and keeps its query
 * ({@code ?type_id=}), and gives every score a timestamp strictly later than the previous one.
 */
@Service
public class AgsClient {

	public static final String LINEITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";

	public static final String LINEITEM = "application/vnd.ims.lis.v2.lineitem+json";

	public static final String RESULT_CONTAINER = "application/vnd.ims.lis.v2.resultcontainer+json";

	public static final String SCORE = "application/vnd.ims.lis.v1.score+json";

	static final String SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

	static final String SCOPE_LINEITEM_READ = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";

	static final String SCOPE_RESULT = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";

	static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

	/** Stops a runaway pagination (a platform that always answers with a next link). */
	static final int MAX_PAGES = 10_000;

	private final ServiceCalls calls;

	private final Clock clock;

	private final AtomicLong lastScoreTimestamp = new AtomicLong();

	public AgsClient(ServiceCalls calls, Clock clock) {
		this.calls = calls;
		this.clock = clock;
	}

	/** Filters of the line item container; null means "not filtered". */
	public record LineItemFilter(String resourceLinkId, String resourceId, String tag, Integer limit) {

		public static LineItemFilter none() {
			return new LineItemFilter(null, null, null, null);
		}
	}

	public List<LineItem> lineItems(Registration registration, String containerUrl, LineItemFilter filter) {
		UriComponentsBuilder url = UriComponentsBuilder.fromUriString(containerUrl);
		if (filter.resourceLinkId() != null) {
			url.queryParam("resource_link_id", query(filter.resourceLinkId()));
		}
		if (filter.resourceId() != null) {
			url.queryParam("resource_id", query(filter.resourceId()));
		}
		if (filter.tag() != null) {
			url.queryParam("tag", query(filter.tag()));
		}
		if (filter.limit() != null) {
			url.queryParam("limit", filter.limit());
		}
		List<LineItem> items = new ArrayList<>();
		for (Object o : pages(registration, List.of(SCOPE_LINEITEM_READ), url.build().toUriString(), LINEITEM_CONTAINER)) {
			items.add(lineItem(registration, containerUrl, o));
		}
		return items;
	}

	public LineItem createLineItem(Registration registration, String containerUrl, NewLineItem item) {
		Map<String, Object> body = body(null, item.label(), item.scoreMaximum(), item.resourceId(), item.tag(), item.resourceLinkId());
		LmsHttp.Response response = calls.call(registration, List.of(SCOPE_LINEITEM), "POST", containerUrl,
				Map.of("Content-Type", LINEITEM, "Accept", LINEITEM), JSONObjectUtils.toJSONString(body), false);
		if (response.status() != 200 && response.status() != 201) {
			throw ServiceCalls.failed(registration, "POST", containerUrl, response);
		}
		return lineItem(registration, containerUrl, object(registration, containerUrl, response.body()));
	}

	public LineItem lineItem(Registration registration, String lineItemUrl) {
		LmsHttp.Response response = calls.call(registration, List.of(SCOPE_LINEITEM_READ), "GET", lineItemUrl,
				Map.of("Accept", LINEITEM), null, true);
		if (response.status() != 200) {
			throw ServiceCalls.failed(registration, "GET", lineItemUrl, response);
		}
		return lineItem(registration, lineItemUrl, object(registration, lineItemUrl, response.body()));
	}

	/** PUT sends the whole item (Moodle requires label and scoreMaximum). */
	public LineItem updateLineItem(Registration registration, LineItem item) {
		Map<String, Object> body = body(item.id(), item.label(), item.scoreMaximum(), item.resourceId(), item.tag(), item.resourceLinkId());
		LmsHttp.Response response = calls.call(registration, List.of(SCOPE_LINEITEM), "PUT", item.id(),
				Map.of("Content-Type", LINEITEM, "Accept", LINEITEM), JSONObjectUtils.toJSONString(body), true);
		if (response.status() != 200) {
			throw ServiceCalls.failed(registration, "PUT", item.id(), response);
		}
		return lineItem(registration, item.id(), object(registration, item.id(), response.body()));
	}

	/** A line item as AGS wants it: label and scoreMaximum always (Moodle requires them), the rest when set. */
	private static Map<String, Object> body(String id, String label, double scoreMaximum, String resourceId, String tag,
			String resourceLinkId) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (id != null) {
			body.put("id", id);
		}
		body.put("label", label);
		body.put("scoreMaximum", scoreMaximum);
		if (resourceId != null) {
			body.put("resourceId", resourceId);
		}
		if (tag != null) {
			body.put("tag", tag);
		}
		if (resourceLinkId != null) {
			body.put("resourceLinkId", resourceLinkId);
		}
		return body;
	}

	/** All results of a column, or one learner's ({@code userId} not null). */
	public List<Result> results(Registration registration, String lineItemUrl, String userId) {
		UriComponentsBuilder url = UriComponentsBuilder.fromUriString(serviceUrl(lineItemUrl, "results"));
		if (userId != null) {
			url.queryParam("user_id", query(userId));
		}
		List<Result> results = new ArrayList<>();
		for (Object o : pages(registration, List.of(SCOPE_RESULT), url.build().toUriString(), RESULT_CONTAINER)) {
			if (!(o instanceof Map<?, ?> r) || r.get("userId") == null) {
				throw new LmsCallFailed(registration.name(), "GET", lineItemUrl, 200, "a result without userId");
			}
			results.add(new Result(String.valueOf(r.get("userId")), number(r.get("resultScore")),
					number(r.get("resultMaximum")), r.get("comment") == null ? null : r.get("comment").toString(),
					instant(r.get("timestamp"))));
		}
		return results;
	}

	/**
	 * Publishes a score and answers the platform's HTTP status. A 409 (the platform has a newer score, e.g. a
	 * teacher's override) is not an error: the platform keeps its newer data, as the specification wants. A score
	 * with a timestamp is sent with exactly that timestamp (the caller orders its scores by it), one without gets
	 * a timestamp strictly later than every score this node published before. A 429 or 503 with {@code Retry-After}
	 * is not waited for here: it throws {@link PlatformBusy}, so that the caller pauses all its posts to the platform.
	 */
	public int postScore(Registration registration, String lineItemUrl, Score score) {
		String url = serviceUrl(lineItemUrl, "scores");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("userId", score.userId());
		if (score.scoreGiven() != null) {
			body.put("scoreGiven", score.scoreGiven());
			body.put("scoreMaximum", score.scoreMaximum());
		}
		if (score.comment() != null) {
			body.put("comment", score.comment());
		}
		body.put("timestamp", (score.timestamp() != null ? score.timestamp() : nextTimestamp(null)).toString());
		body.put("activityProgress", score.activityProgress().name());
		body.put("gradingProgress", score.gradingProgress().name());
		LmsHttp.Response response = calls.call(registration, List.of(SCOPE_SCORE), "POST", url,
				Map.of("Content-Type", SCORE), JSONObjectUtils.toJSONString(body), true, true);
		var busy = LmsHttp.retryAfter(response);
		if (busy.isPresent()) {
			throw new PlatformBusy(registration.name(), "POST", url, response.status(), busy.get());
		}
		if (response.status() / 100 != 2 && response.status() != 409) {
			throw ServiceCalls.failed(registration, "POST", url, response);
		}
		return response.status();
	}

	/** {@code .../lineitem?type_id=1} + "scores" = {@code .../lineitem/scores?type_id=1}. */
	public static String serviceUrl(String lineItemUrl, String segment) {
		return UriComponentsBuilder.fromUriString(lineItemUrl).pathSegment(segment).build().toUriString();
	}

	/** Strictly later than every score this node published before, at millisecond precision. */
	Instant nextTimestamp(Instant wanted) {
		long millis = wanted == null ? clock.millis() : wanted.toEpochMilli();
		return Instant.ofEpochMilli(lastScoreTimestamp.updateAndGet(last -> Math.max(last + 1, millis)));
	}

	private List<Object> pages(Registration registration, List<String> scopes, String firstUrl, String mediaType) {
		List<Object> all = new ArrayList<>();
		String url = firstUrl;
		for (int page = 0; url != null; page++) {
			if (page >= MAX_PAGES) {
				throw new LmsCallFailed(registration.name(), "GET", firstUrl, 200, "more than " + MAX_PAGES + " pages");
			}
			LmsHttp.Response response = calls.call(registration, scopes, "GET", url, Map.of("Accept", mediaType), null, true);
			if (response.status() != 200) {
				throw ServiceCalls.failed(registration, "GET", url, response);
			}
			try {
				all.addAll(JSONArrayUtils.parse(response.body()));
			}
			catch (ParseException ex) {
				throw new LmsCallFailed(registration.name(), "GET", url, 200, "the answer is not a JSON array: "
						+ AccessTokens.abbreviate(response.body()));
			}
			url = response.next().orElse(null);
		}
		return all;
	}

	private static Map<String, Object> object(Registration registration, String url, String body) {
		try {
			return JSONObjectUtils.parse(body);
		}
		catch (ParseException ex) {
			throw new LmsCallFailed(registration.name(), "GET", url, 200, "the answer is not a JSON object: "
					+ AccessTokens.abbreviate(body));
		}
	}

	private static LineItem lineItem(Registration registration, String url, Object o) {
		if (!(o instanceof Map<?, ?> m) || !(m.get("id") instanceof String id) || id.isBlank()) {
			throw new LmsCallFailed(registration.name(), "GET", url, 200, "a line item without id");
		}
		Double max = number(m.get("scoreMaximum"));
		return new LineItem(id, m.get("label") == null ? "" : m.get("label").toString(), max == null ? 0 : max,
				blankToNull(m.get("resourceId")), blankToNull(m.get("tag")),
				blankToNull(m.get("resourceLinkId") != null ? m.get("resourceLinkId") : m.get("ltiLinkId")));
	}

	static String query(String value) {
		return org.springframework.web.util.UriUtils.encodeQueryParam(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String blankToNull(Object o) {
		return o == null || o.toString().isBlank() ? null : o.toString();
	}

	static Double number(Object o) {
		if (o instanceof Number n) {
			return n.doubleValue();
		}
		if (o instanceof String s && !s.isBlank()) {
			try {
				return Double.parseDouble(s.trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	static Instant instant(Object o) {
		if (!(o instanceof String s) || s.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(s.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}
