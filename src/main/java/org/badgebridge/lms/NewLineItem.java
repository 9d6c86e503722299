package org.badgebridge.lms;

/** A column the tool asks the platform to create (Moodle: a manual grade item owned by the tool). */
public record NewLineItem(String label, double scoreMaximum, String resourceId, String tag, String resourceLinkId) {
}
