/**
 * Cross-cutting HTTP policy: who may call what (admin credentials), CSRF exemptions for the LMS's
 * cross-site posts, framing (frame-ancestors for LTI pages, DENY elsewhere), cookies and error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web security")
package org.badgebridge.web;
