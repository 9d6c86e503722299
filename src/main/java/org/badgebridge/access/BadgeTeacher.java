package org.badgebridge.access;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.launch.ToolSession;
import org.badgebridge.web.ResolvedPrincipal;

/** A teacher of the course the badge of the request's path belongs to. */
public record BadgeTeacher(ToolSession session, BadgeClass badge) implements ResolvedPrincipal {

	public long contextId() {
		return session.contextId();
	}

	public String badgeId() {
		return badge.id();
	}

	/** How the award log names this teacher. */
	public String actor() {
		return "teacher:" + session.userSub() + (session.displayName() == null ? "" : " (" + session.displayName() + ")");
	}
}
