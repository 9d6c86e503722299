package org.badgebridge.course;

import java.util.List;

/**
 * What a validated launch says about a course, a member and a resource link, as plain values (no LTI
 * message). Optional values are null when the platform did not send them (privacy settings, no services).
 */
public record LaunchFacts(long registrationId, String deploymentId, String lmsContextId, String contextLabel,
		String contextTitle, String userSub, String name, String email, String locale, List<String> roles,
		CourseRole role, String resourceLinkId, String resourceLinkTitle, String badgeId, String lineItemsUrl,
		String lineItemUrl, List<String> agsScopes, String membershipsUrl) {
}
