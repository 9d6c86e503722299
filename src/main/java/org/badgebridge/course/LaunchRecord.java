package org.badgebridge.course;

/**
 * Where a launch was recorded: the course context, the member and (for resource links) the link; and the language the
 * person chose with the language switch earlier, if any, which comes before the launch's own language.
 */
public record LaunchRecord(long contextId, long memberId, Long resourceLinkId, String chosenLocale) {
}
