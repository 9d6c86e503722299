/**
 * Badge classes and the course contexts they are attached to. Knows no LTI message.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Badges",
		allowedDependencies = { "web", "infrastructure", "platform" })
package org.badgebridge.badge;
