package org.badgebridge.demolms;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What every AGS and NRPS call of the demo platform goes through, as Moodle does it: the bearer token (the
 * demo's own, for the tool named by {@code type_id}, with one of the scopes the service accepts), the exact
 * media types ({@code Accept}, {@code Content-Type}; 400 otherwise), a JSON object body, only the tool's own
 * line items, and paging by {@code limit}/{@code from} with a {@code Link} to the next page. A call that fails
 * a check ends in {@link Refused}, which this advice of the service controllers answers as plain text with its
 * status.
 */
@ConditionalOnDemo
@RestControllerAdvice(assignableTypes = { DemoServicesController.class, DemoGradesController.class,
		DemoMembershipsController.class })
class DemoServiceRequests {

	/** A service call the demo platform refuses: its HTTP status and a plain-text reason. */
	static class Refused extends RuntimeException {

		final int status;

		Refused(int status, String message) {
			super(message);
			this.status = status;
		}
	}

	private final DemoTokens tokens;

	private final DemoStore store;

	DemoServiceRequests(DemoTokens tokens, DemoStore store) {
		this.tokens = tokens;
		this.store = store;
	}

	@ExceptionHandler(Refused.class)
	ResponseEntity<String> refused(Refused ex) {
		return ResponseEntity.status(ex.status).header("Content-Type", "text/plain").body(ex.getMessage());
	}

	/** The tool (client id) whose access token the request bears, if it is for {@code typeId} with one of the scopes. */
	String authorize(HttpServletRequest request, String typeId, Set<String> anyOf) {
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

	/** A line item of the tool's own: another tool's columns are not found (404). */
	DemoStore.LineItem ownLineItem(long item, String client) {
		return store.lineItem(item).filter(li -> client.equals(li.clientId()))
				.orElseThrow(() -> new Refused(404, "no such line item for this tool"));
	}

	static void accept(HttpServletRequest request, String mediaType) {
		String accept = request.getHeader("Accept");
		if (accept == null || !(accept.equals(mediaType) || accept.contains("*/*"))) {
			throw new Refused(400, "Accept must be " + mediaType);
		}
	}

	static void contentType(HttpServletRequest request, String mediaType) {
		if (!mediaType.equals(request.getHeader("Content-Type"))) {
			throw new Refused(400, "Content-Type must be exactly " + mediaType);
		}
	}

	static Map<String, Object> parse(String body) {
		try {
			return JSONObjectUtils.parse(body == null ? "" : body);
		}
		catch (ParseException ex) {
			throw new Refused(400, "the body is not a JSON object");
		}
	}

	static String string(Object o) {
		return o == null ? null : o.toString();
	}

	/** One page ({@code limit}/{@code from}, as Moodle pages) with a {@code Link} to the next one when there is more. */
	static <T> ResponseEntity<String> page(List<T> all, Integer limit, int from, String contentType, IntFunction<String> nextLink,
			Function<List<T>, String> body) {
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
		return new String(header.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}
}
