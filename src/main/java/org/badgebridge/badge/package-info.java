/**
 * Badge classes and the course contexts they are attached to. Knows no LTI message.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Badges",
		allowedDependencies = { "web" })
package org.badgebridge.badge;
