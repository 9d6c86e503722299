package org.badgebridge.course;

/** Where a launch was recorded: the course context, the member and (for resource links) the link. */
public record LaunchRecord(long contextId, long memberId, Long resourceLinkId) {
}
