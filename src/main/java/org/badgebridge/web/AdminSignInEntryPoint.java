package org.badgebridge.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * What an admin request without credentials gets: a browser's GET of an admin page (it asks for {@code text/html}
 * by name) is sent to the sign-in form (303, the page to come back to as {@code continue}); everything else (the JSON
 * API, scripts, scrapers, posts) gets 401 with the HTTP Basic challenge, as before.
 */
final class AdminSignInEntryPoint implements AuthenticationEntryPoint {

	private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

	AdminSignInEntryPoint(String realm) {
		basic.setRealmName(realm);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) throws IOException {
		if (browserPage(request)) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String page = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			response.setHeader("Location", request.getContextPath() + AdminSignInController.PAGE + "?continue="
					+ URLEncoder.encode(page, StandardCharsets.UTF_8));
			response.setHeader("Cache-Control", "no-store");
			return;
		}
		basic.commence(request, response, ex);
	}

	/** A GET of an admin page (not the API) from a client that names text/html among what it accepts (not only by a wildcard). */
	static boolean browserPage(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!"GET".equals(request.getMethod()) || !path.startsWith("/admin")) {
			return false;
		}
		String accept = request.getHeader("Accept");
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept).stream().anyMatch(m -> "text".equals(m.getType()) && "html".equals(m.getSubtype()));
		}
		catch (org.springframework.util.InvalidMimeTypeException | org.springframework.http.InvalidMediaTypeException bad) {
			return false;
		}
	}
}
