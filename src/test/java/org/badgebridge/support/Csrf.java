package org.badgebridge.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A valid CSRF token the way a browser holds one: the tool's {@code bb_csrf} cookie and the same value in the form.
 * (Spring Security's test {@code csrf()} swaps in a repository that keeps the token in the servlet session, which the
 * tool refuses to create.)
 */
public final class Csrf {

	private Csrf() {
	}

	public static RequestPostProcessor csrf() {
		return request -> {
			String token = UUID.randomUUID().toString();
			List<Cookie> cookies = new ArrayList<>(request.getCookies() == null ? List.of() : Arrays.asList(request.getCookies()));
			cookies.add(new Cookie("bb_csrf", token));
			request.setCookies(cookies.toArray(Cookie[]::new));
			request.addParameter("_csrf", token);
			return request;
		};
	}
}
