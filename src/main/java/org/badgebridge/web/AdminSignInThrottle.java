package org.badgebridge.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down guessing of the admin password over HTTP Basic: failed sign-ins are counted per client address and
 * per user name in fixed one-minute windows (per node). Once either has reached the limit, requests with Basic
 * credentials from that address or for that name get 429 with Retry-After until the window ends, without the
 * password being checked. Successful sign-ins are not counted.
 */
class AdminSignInThrottle extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AdminSignInThrottle.class);

	private static final long WINDOW = 60_000;

	private final int failuresPerMinute;

	private final Clock clock;

	private final ConcurrentHashMap<String, Window> failures = new ConcurrentHashMap<>();

	private record Window(long start, AtomicInteger count) {
	}

	AdminSignInThrottle(int failuresPerMinute, Clock clock) {
		this.failuresPerMinute = failuresPerMinute;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = basicUser(request.getHeader("Authorization"));
		if (user == null) {
			chain.doFilter(request, response);
			return;
		}
		String address = "address:" + request.getRemoteAddr();
		String name = "user:" + user.toLowerCase(Locale.ROOT);
		long now = clock.millis();
		long wait = Math.max(waitMillis(address, now), waitMillis(name, now));
		if (wait > 0) {
			refuse(response, wait);
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
			count(address, now);
			count(name, now);
		}
	}

	private long waitMillis(String key, long now) {
		Window w = failures.get(key);
		if (w == null || now - w.start() >= WINDOW || w.count().get() < failuresPerMinute) {
			return 0;
		}
		return w.start() + WINDOW - now;
	}

	private void count(String key, long now) {
		if (failures.size() > 10_000) {
			failures.values().removeIf(w -> now - w.start() >= WINDOW);
		}
		Window w = failures.compute(key, (k, old) -> old == null || now - old.start() >= WINDOW
				? new Window(now, new AtomicInteger()) : old);
		if (w.count().incrementAndGet() == failuresPerMinute) {
			log.warn("Admin sign-in throttled for {} after {} failed attempts", key, failuresPerMinute);
		}
	}

	private static void refuse(HttpServletResponse response, long waitMillis) throws IOException {
		response.setStatus(429);
		response.setHeader("Retry-After", String.valueOf(Math.max(1, (waitMillis + 999) / 1000)));
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
