package org.badgebridge.platform.internal;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.badgebridge.infrastructure.AddressRules;
import org.badgebridge.infrastructure.OutgoingCalls;
import org.badgebridge.infrastructure.OutgoingHttp;

/**
 * Small JSON-over-HTTP client for talking to a platform during registration: the platform side's address rules, one
 * deadline over the whole call ({@code badgebridge.lti.registration.fetch-deadline}), no redirects, a bounded body,
 * and errors that say which URL answered what (status, content type, size) without ever quoting the answer: the URL
 * came from whoever opened the registration page.
 */
@Component
class PlatformHttp {

	static final int MAX_BODY = 256 * 1024;

	private final OutgoingHttp http;

	private final AddressRules rules;

	PlatformHttp(OutgoingCalls calls, @Value("${badgebridge.lti.registration.fetch-deadline:10s}") Duration deadline) {
		this.http = calls.toPlatforms(deadline, MAX_BODY, 0);
		this.rules = calls.platformRules();
	}

	record JsonResponse(int status, Map<String, Object> json) {
	}

	static class PlatformCallFailed extends RuntimeException {

		PlatformCallFailed(String message) {
			super(message);
		}
	}

	/** Refuses an address the tool must not call (or store as a platform's), before anything is sent. */
	void checkAddress(URI url) {
		try {
			rules.check(url);
		}
		catch (OutgoingHttp.Failed ex) {
			throw new PlatformCallFailed(ex.getMessage());
		}
	}

	JsonResponse getJson(URI url, String bearer) {
		return send("GET", url, bearer, null);
	}

	JsonResponse postJson(URI url, String bearer, String json) {
		return send("POST", url, bearer, json);
	}

	private JsonResponse send(String method, URI url, String bearer, String json) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Accept", "application/json");
		if (json != null) {
			headers.put("Content-Type", "application/json");
		}
		if (bearer != null && !bearer.isBlank()) {
			headers.put("Authorization", "Bearer " + bearer);
		}
		OutgoingHttp.Answer answer;
		try {
			answer = http.send(method, url, headers, json);
		}
		catch (OutgoingHttp.Failed ex) {
			throw new PlatformCallFailed(ex.getMessage());
		}
		if (answer.status() / 100 != 2) {
			throw new PlatformCallFailed(url + " answered HTTP " + answer.status() + describe(answer) + ".");
		}
		try {
			return new JsonResponse(answer.status(), JSONObjectUtils.parse(answer.text()));
		}
		catch (java.text.ParseException ex) {
			throw new PlatformCallFailed(url + " did not answer with a JSON object" + describe(answer) + ".");
		}
	}

	/** What came back, never what it said: content type and size. */
	private static String describe(OutgoingHttp.Answer answer) {
		String type = answer.contentType().replaceAll("[^A-Za-z0-9/+.;=\\- ]", "");
		type = type.length() > 60 ? type.substring(0, 60) : type;
		return " (" + (type.isBlank() ? "no content type" : type) + ", " + answer.body().length + " bytes)";
	}
}
