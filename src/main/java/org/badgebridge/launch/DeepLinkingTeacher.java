package org.badgebridge.launch;

import java.util.Map;

import org.badgebridge.web.ResolvedPrincipal;

/**
 * A teacher in the middle of a Deep Linking request: a teacher's tool session that still holds the platform's
 * deep linking settings (answered at most once).
 */
public record DeepLinkingTeacher(ToolSession session, Map<String, Object> settings) implements ResolvedPrincipal {

	public long contextId() {
		return session.contextId();
	}
}
