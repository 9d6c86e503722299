package org.badgebridge.access;

import org.badgebridge.launch.ToolSession;
import org.badgebridge.web.ResolvedPrincipal;

/** Anyone launched into a course (teacher or learner), for pages about the course as a whole. */
public record CourseMember(ToolSession session) implements ResolvedPrincipal {

	public long contextId() {
		return session.contextId();
	}

	public boolean isTeacher() {
		return session.isTeacher();
	}

	/** The platform (registration) the person launched from: with {@link #userSub()} their LMS identity. */
	public long registrationId() {
		return session.registrationId();
	}

	public String userSub() {
		return session.userSub();
	}

	/** The name the LMS gave, if it shares one. */
	public String displayName() {
		return session.displayName();
	}
}
