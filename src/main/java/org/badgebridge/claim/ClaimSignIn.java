package org.badgebridge.claim;

import java.util.Optional;

import org.springframework.http.ResponseCookie;

/**
 * Claiming through the mailed link proves the learner holds the award's address, so the claim page signs them in to
 * their backpack at once. The learner's own place (module {@code account}, which depends on this one) provides this
 * bean; without one the claim page signs nobody in.
 */
public interface ClaimSignIn {

	/**
	 * A backpack session of the account holding the just-claimed award's address, as the cookie that carries it; none
	 * unless that address is still the one the link was mailed to ({@code provenAddress}: the mailbox the click proves).
	 */
	Optional<ResponseCookie> signIn(String awardId, String provenAddress);
}
