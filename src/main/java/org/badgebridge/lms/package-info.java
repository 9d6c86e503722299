/**
 * Clients of the LTI Advantage services a platform offers: OAuth 2 access tokens (client credentials with a
 * JWT assertion signed by the tool's key), Assignment and Grade Services 2.0 and Names and Role Provisioning
 * Services 2.0, with every platform's quirks (Moodle's exact media types, curly-quoted {@code Link} headers,
 * {@code ?type_id=} URLs). Every call has a timeout, retries what is worth retrying, and fails with an
 * {@link org.badgebridge.lms.LmsCallFailed} that names the platform, the URL and the status.
 */
@org.springframework.modulith.ApplicationModule(displayName = "LMS services (AGS, NRPS)",
		allowedDependencies = { "infrastructure", "platform" })
package org.badgebridge.lms;
