package org.badgebridge.web;

/**
 * Who is calling, already checked: a handler method receives exactly one of these (an admin, a teacher or a
 * learner in a course, a badge of that course...) from an argument resolver that refuses the request when the
 * caller does not qualify. A handler that needs none is annotated {@link PublicEndpoint} with its reason.
 * {@code HandlerPrincipalTests} keeps every handler to this rule.
 */
public interface ResolvedPrincipal {
}
