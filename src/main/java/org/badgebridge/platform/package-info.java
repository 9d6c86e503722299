/**
 * Platform registrations (issuer, client id, deployments, endpoints, state), the tool's own signing keys
 * and their JWKS, the tool's public URLs, LTI Dynamic Registration and the admin pages and API for all of it.
 * Other modules use {@link org.badgebridge.platform.Registrations}, {@link org.badgebridge.platform.ToolKeys}
 * and {@link org.badgebridge.platform.ToolUrls}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform registrations and tool keys",
		allowedDependencies = { "infrastructure", "web" })
package org.badgebridge.platform;
