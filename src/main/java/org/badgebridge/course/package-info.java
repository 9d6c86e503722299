/**
 * Course contexts, their members and resource links as launches report them, with the service endpoints
 * (AGS line items, NRPS memberships) the platform announced for each.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Courses",
		allowedDependencies = { "lms", "platform", "infrastructure", "web" })
package org.badgebridge.course;
