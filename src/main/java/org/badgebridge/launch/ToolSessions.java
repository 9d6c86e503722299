package org.badgebridge.launch;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.badgebridge.course.CourseRole;
import org.badgebridge.web.AccessRefused;

/** Tool sessions in the database, so that several nodes can serve one user. */
@Service
public class ToolSessions {

	public static final String COOKIE = "bb_session";

	private static final String FOUND = ToolSessions.class.getName() + ".found";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration ttl;

	public ToolSessions(JdbcClient jdbc, Clock clock, @Value("${badgebridge.lti.session-ttl}") Duration ttl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = ttl;
	}

	public Duration ttl() {
		return ttl;
	}

	public ToolSession create(long registrationId, String deploymentId, long contextId, long memberId, String userSub,
			String displayName, CourseRole role, String locale, Long resourceLinkId, String badgeId, String deepLinking) {
		String id = randomId();
		long now = clock.millis();
		long expires = now + ttl.toMillis();
		jdbc.sql("""
				insert into tool_session (id, registration_id, deployment_id, context_id, member_id, user_sub, display_name,
				  role, locale, resource_link_id, badge_id, deep_linking, created_at, expires_at)
				values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
				.params(id, registrationId, deploymentId, contextId, memberId, userSub, displayName, role.name(), locale,
						resourceLinkId, badgeId, deepLinking, now, expires)
				.update();
		return new ToolSession(id, registrationId, deploymentId, contextId, memberId, userSub, displayName, role, locale,
				resourceLinkId, badgeId, deepLinking, Instant.ofEpochMilli(expires));
	}

	public Optional<ToolSession> find(String id) {
		if (id == null || id.length() > 64) {
			return Optional.empty();
		}
		return jdbc.sql("select * from tool_session where id=? and expires_at > ?").params(id, clock.millis())
				.query((rs, i) -> new ToolSession(rs.getString("id"), rs.getLong("registration_id"),
						rs.getString("deployment_id"), rs.getLong("context_id"), rs.getLong("member_id"), rs.getString("user_sub"),
						rs.getString("display_name"), CourseRole.valueOf(rs.getString("role")), rs.getString("locale"),
						rs.getObject("resource_link_id") == null ? null : rs.getLong("resource_link_id"), rs.getString("badge_id"),
						rs.getString("deep_linking"), Instant.ofEpochMilli(rs.getLong("expires_at"))))
				.optional();
	}

	/**
	 * The live session of the request's {@value #COOKIE} cookie, or a refusal (401) that tells the person to open the
	 * activity again.
	 */
	public ToolSession of(HttpServletRequest request) {
		return find(request).orElseThrow(() -> AccessRefused.noSession("Your BadgeBridge session has ended or this browser blocks "
				+ "the tool's cookie. Open the activity again from your course.", "common.refused.noSession"));
	}

	/** The live session of the request's {@value #COOKIE} cookie, if it has one. */
	public Optional<ToolSession> find(HttpServletRequest request) {
		if (request == null || request.getCookies() == null) {
			return Optional.empty();
		}
		// read once per request: the principal and the page's language both ask
		if (request.getAttribute(FOUND) instanceof ToolSession known) {
			return Optional.of(known);
		}
		for (Cookie cookie : request.getCookies()) {
			if (COOKIE.equals(cookie.getName())) {
				Optional<ToolSession> found = find(cookie.getValue());
				found.ifPresent(s -> request.setAttribute(FOUND, s));
				return found;
			}
		}
		return Optional.empty();
	}

	/** The person's language choice, kept for the rest of the session (it wins over the launch's language). */
	public void setLocale(String id, String locale) {
		jdbc.sql("update tool_session set locale=? where id=?").params(locale, id).update();
	}

	/** Deep Linking settings are good for one response: the tool forgets them once it has answered. */
	public boolean consumeDeepLinking(String id) {
		return jdbc.sql("update tool_session set deep_linking = null where id=? and deep_linking is not null").param(id)
				.update() == 1;
	}

	@Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT15M")
	public void forgetExpired() {
		jdbc.sql("delete from tool_session where expires_at < ?").param(clock.millis()).update();
	}

	public static String randomId() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
