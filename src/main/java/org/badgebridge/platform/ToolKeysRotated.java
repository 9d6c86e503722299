package org.badgebridge.platform;

/** The tool's LTI signing key was rotated (by the schedule or by an admin); published in the rotating transaction. */
public record ToolKeysRotated(String newKeyId, String actor) {
}
