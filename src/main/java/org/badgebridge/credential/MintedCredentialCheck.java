package org.badgebridge.credential;

/**
 * A check every newly signed Open Badges 3.0 credential passes before it is stored or handed out. The application
 * declares none; the test suite adds one that validates against 1EdTech's JSON Schema, so that a credential of the
 * wrong shape fails the build rather than a learner's wallet.
 */
interface MintedCredentialCheck {

	/** @throws RuntimeException (or an {@link AssertionError}) when the credential must not be issued */
	void check(String credentialJson);
}
