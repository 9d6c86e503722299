package org.badgebridge.lms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import org.badgebridge.lms.internal.LmsHttp;
import org.badgebridge.platform.Registration;

/** An authorized service call: bearer token for the scopes, one fresh token and retry on 401. */
@Component
class ServiceCalls {

	private final LmsHttp http;

	private final AccessTokens tokens;

	ServiceCalls(LmsHttp http, AccessTokens tokens) {
		this.http = http;
		this.tokens = tokens;
	}

	LmsHttp.Response call(Registration registration, List<String> scopes, String method, String url,
			Map<String, String> headers, String body, boolean idempotent) {
		return call(registration, scopes, method, url, headers, body, idempotent, false);
	}

	/** {@code busyToCaller}: a 429 or 503 with {@code Retry-After} is answered at once (see {@link LmsHttp}). */
	LmsHttp.Response call(Registration registration, List<String> scopes, String method, String url,
			Map<String, String> headers, String body, boolean idempotent, boolean busyToCaller) {
		for (int attempt = 1;; attempt++) {
			Map<String, String> all = new LinkedHashMap<>(headers);
			all.put("Authorization", "Bearer " + tokens.token(registration, scopes));
			LmsHttp.Response response = http.send(registration.name(), method, url, all, body, idempotent, busyToCaller);
			if (response.status() == 401 && attempt == 1) {
				tokens.forget(registration, scopes);
				continue;
			}
			return response;
		}
	}

	static LmsCallFailed failed(Registration registration, String method, String url, LmsHttp.Response response) {
		return new LmsCallFailed(registration.name(), method, url, response.status(), AccessTokens.abbreviate(response.body()));
	}
}
