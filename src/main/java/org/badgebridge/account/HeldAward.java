package org.badgebridge.account;

import org.badgebridge.web.ResolvedPrincipal;

/**
 * A learner signed in to their backpack, acting on one award their account holds (path variable {@code award}): one
 * claimed into the account, or one sent to one of its verified addresses. Without a backpack session a page sends the
 * person to the sign-in page (anything else is refused, 401); an award the account does not hold is not found (404).
 */
public record HeldAward(String accountId, String sessionHash, String awardId) implements ResolvedPrincipal {
}
