package org.badgebridge.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseCookie;

/**
 * Another way to be the {@link Admin} than the HTTP Basic credentials: the sign-in form's session, or a module that
 * signs admins in (through an OpenID Connect provider's claim) resolves its own server-side session from the request.
 * No servlet session.
 */
public interface AdminSignIns {

	/** A way to sign in that the sign-in form links to ("Sign in with ..."). */
	record Link(String label, String url) {
	}

	/** The signed-in administrator's name, if the request carries a live admin session. */
	Optional<String> adminName(HttpServletRequest request);

	/** Ends the request's session, if it carries one; the cookie that clears it. */
	default Optional<ResponseCookie> end(HttpServletRequest request) {
		return Optional.empty();
	}

	/** The ways to sign in this offers on the sign-in form. */
	default List<Link> links() {
		return List.of();
	}
}
