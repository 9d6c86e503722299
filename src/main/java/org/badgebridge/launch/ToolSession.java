package org.badgebridge.launch;

import java.time.Instant;

import org.badgebridge.course.CourseRole;

/**
 * Who is using the tool after a launch: one user in one course of one platform, with a role. Carried by a
 * {@code SameSite=None; Secure; Partitioned} cookie and kept in the database (any node can serve it).
 */
public record ToolSession(String id, long registrationId, String deploymentId, long contextId, long memberId,
		String userSub, String displayName, CourseRole role, String locale, Long resourceLinkId, String badgeId,
		String deepLinking, Instant expiresAt) {

	public boolean isTeacher() {
		return role == CourseRole.TEACHER;
	}
}
