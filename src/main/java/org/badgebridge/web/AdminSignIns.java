package org.badgebridge.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Another way to be the {@link Admin} than the HTTP Basic credentials: a module that signs admins in (through an
 * OpenID Connect provider's claim) resolves its own server-side session from the request. No servlet session.
 */
public interface AdminSignIns {

	/** The signed-in administrator's name, if the request carries a live admin session. */
	Optional<String> adminName(HttpServletRequest request);
}
