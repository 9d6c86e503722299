package org.badgebridge.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The language kept in the request's tool session (the launch's, or the one the person chose there), provided by the
 * module that owns tool sessions, so that {@code web} resolves the page language without knowing LTI.
 */
public interface SessionLanguage {

	/** The language tag kept in the request's live tool session, if the request has one and it holds a language. */
	Optional<String> of(HttpServletRequest request);

	/**
	 * Keeps the person's choice in the request's live tool session and on their course record (so that mails sent
	 * later use it); {@code false} when the request has no live tool session.
	 */
	boolean choose(HttpServletRequest request, Locale language);
}
