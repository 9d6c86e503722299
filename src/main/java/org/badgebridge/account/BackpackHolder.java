package org.badgebridge.account;

import org.badgebridge.web.ResolvedPrincipal;

/**
 * A learner signed in to their backpack: resolved from the backpack session cookie (a live session of a live
 * account). Pages of the backpack take it; without one a page sends the person to the sign-in page.
 */
public record BackpackHolder(String accountId, String sessionHash) implements ResolvedPrincipal {
}
