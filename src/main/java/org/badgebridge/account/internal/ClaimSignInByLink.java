package org.badgebridge.account.internal;

import java.util.Optional;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import org.badgebridge.claim.ClaimSignIn;

/**
 * Claiming through the mailed link proved the award's address: the account holding it (made now if none does, as the
 * {@code AwardClaimed} listener would) gets the award, and the learner a backpack session.
 */
@Component
class ClaimSignInByLink implements ClaimSignIn {

	private final ClaimedAddresses claimed;

	private final BackpackSessions sessions;

	ClaimSignInByLink(ClaimedAddresses claimed, BackpackSessions sessions) {
		this.claimed = claimed;
		this.sessions = sessions;
	}

	@Override
	public Optional<ResponseCookie> signIn(String awardId, String provenAddress) {
		return claimed.record(awardId, provenAddress).map(sessions::open);
	}
}
