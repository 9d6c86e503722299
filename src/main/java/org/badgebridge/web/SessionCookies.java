package org.badgebridge.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseCookie;

/** The cookie of a server-side session: {@code HttpOnly; Secure; SameSite=Lax; Path=/}, its value a random id of at most 64 characters. */
public final class SessionCookies {

	private SessionCookies() {
	}

	/** The session id the request carries in the named cookie, if any (empty or over-long values are none). */
	public static Optional<String> value(HttpServletRequest request, String name) {
		if (request.getCookies() == null) {
			return Optional.empty();
		}
		for (Cookie c : request.getCookies()) {
			if (name.equals(c.getName()) && !c.getValue().isEmpty() && c.getValue().length() <= 64) {
				return Optional.of(c.getValue());
			}
		}
		return Optional.empty();
	}

	/** The cookie that carries a session id for {@code maxAge} (zero and an empty value: the cookie that clears it). */
	public static ResponseCookie cookie(String name, String value, Duration maxAge) {
		return ResponseCookie.from(name, value).httpOnly(true).secure(true).sameSite("Lax").path("/").maxAge(maxAge).build();
	}
}
