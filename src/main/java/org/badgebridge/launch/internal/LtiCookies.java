package org.badgebridge.launch.internal;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The cookies of an LTI tool shown in another site's iframe: {@code SameSite=None; Secure; Partitioned;
 * HttpOnly}, also on loopback http (browsers accept Secure cookies on localhost and 127.0.0.1).
 */
final class LtiCookies {

	static final String STATE_PREFIX = "bbls_";

	private LtiCookies() {
	}

	static void bindState(HttpServletResponse response, String state, Duration ttl) {
		add(response, cookie(STATE_PREFIX + state, "1", "/lti/", ttl));
	}

	static void clearState(HttpServletResponse response, String state) {
		add(response, cookie(STATE_PREFIX + state, "", "/lti/", Duration.ZERO));
	}

	static boolean hasState(HttpServletRequest request, String state) {
		return "1".equals(read(request, STATE_PREFIX + state));
	}

	static void session(HttpServletResponse response, String name, String id, Duration ttl) {
		add(response, cookie(name, id, "/", ttl));
	}

	static String read(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie c : cookies) {
			if (c.getName().equals(name)) {
				return c.getValue();
			}
		}
		return null;
	}

	private static ResponseCookie cookie(String name, String value, String path, Duration ttl) {
		return ResponseCookie.from(name, value).path(path).maxAge(ttl).httpOnly(true).secure(true).sameSite("None")
				.partitioned(true).build();
	}

	private static void add(HttpServletResponse response, ResponseCookie cookie) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}
}
