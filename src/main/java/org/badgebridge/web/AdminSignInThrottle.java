package org.badgebridge.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down guessing of the admin password over HTTP Basic with the count of {@link AdminSignInAttempts} (which the
 * sign-in form shares): once the address or the user name has reached the limit, requests with Basic credentials
 * get 429 with Retry-After until the window ends, without the password being checked; a 401 counts as a failure.
 */
class AdminSignInThrottle extends OncePerRequestFilter {

	private final AdminSignInAttempts attempts;

	AdminSignInThrottle(AdminSignInAttempts attempts) {
		this.attempts = attempts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = basicUser(request.getHeader("Authorization"));
		if (user == null) {
			chain.doFilter(request, response);
			return;
		}
		long wait = attempts.waitMillis(request.getRemoteAddr(), user);
		if (wait > 0) {
			refuse(response, wait);
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
			attempts.failed(request.getRemoteAddr(), user);
		}
	}

	private static void refuse(HttpServletResponse response, long waitMillis) throws IOException {
		response.setStatus(429);
		response.setHeader("Retry-After", String.valueOf(AdminSignInAttempts.seconds(waitMillis)));
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>BadgeBridge</title>"
				+ "<link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main><h1>Please wait</h1>"
				+ "<p class=\"error\" role=\"alert\">Too many failed sign-ins. Wait a minute before you try again.</p>"
				+ "</main></body></html>");
	}

	/** The user name of HTTP Basic credentials, or null when there are none (or they are unreadable). */
	static String basicUser(String authorization) {
		if (authorization == null || authorization.length() < 6 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? decoded : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}
}
