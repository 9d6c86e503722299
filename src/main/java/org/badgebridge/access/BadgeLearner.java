package org.badgebridge.access;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.launch.ToolSession;
import org.badgebridge.web.ResolvedPrincipal;

/** A learner of the course the badge of the request's path belongs to; sees and acts on their own data only. */
public record BadgeLearner(ToolSession session, BadgeClass badge) implements ResolvedPrincipal {

	public long contextId() {
		return session.contextId();
	}

	public String userSub() {
		return session.userSub();
	}

	/** The name the LMS gave for the learner, if it shares one. */
	public String displayName() {
		return session.displayName();
	}

	public String badgeId() {
		return badge.id();
	}
}
