package org.badgebridge.web;

/** The tool's administrator, signed in with the admin credentials. */
public record Admin(String username) implements ResolvedPrincipal {
}
