package org.badgebridge.web;

import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * CSRF tokens in a {@code SameSite=None; Secure; Partitioned; HttpOnly} cookie, so that the tool's own forms
 * work inside the LMS's iframe on another site. (Spring Security's CookieCsrfTokenRepository goes through
 * the Servlet Cookie class, which drops the Partitioned attribute.)
 */
class PartitionedCookieCsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "bb_csrf";

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", UUID.randomUUID().toString());
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		ResponseCookie cookie = ResponseCookie.from(COOKIE, token == null ? "" : token.getToken()).path("/")
				.maxAge(token == null ? 0 : -1).httpOnly(true).secure(true).sameSite("None").partitioned(true).build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie c : cookies) {
				if (COOKIE.equals(c.getName()) && !c.getValue().isBlank()) {
					return new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", c.getValue());
				}
			}
		}
		return null;
	}
}
