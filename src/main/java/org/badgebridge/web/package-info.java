/**
 * Cross-cutting HTTP policy and the vocabulary every page module uses: who may call what (admin credentials,
 * the {@link org.badgebridge.web.ResolvedPrincipal} a handler receives, {@link org.badgebridge.web.PublicEndpoint}
 * for the few that need none), CSRF exemptions for the LMS's cross-site posts, the Content-Security-Policy of
 * every page (no inline code; framing by the registered platforms for LTI pages, DENY elsewhere), notices
 * carried across a redirect without any servlet session ({@link org.badgebridge.web.Notices}), and error pages
 * for people (never a raw JSON body on a page). Depends on
 * no other module: the origins allowed to frame LTI pages come from a {@link org.badgebridge.web.FrameSources}
 * that {@code platform} provides.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web policy", allowedDependencies = {})
package org.badgebridge.web;
