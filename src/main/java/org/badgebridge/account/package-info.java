/**
 * The learner's own place across courses and institutions: an account is a set of verified email addresses (claiming
 * an award proves its address; more are added and verified by a mailed link; an address held by another account
 * merges the two once a sign-in of each confirms), the LMS identities (platform + subject) the learner linked to it,
 * sign-in by a one-time mailed link, and the backpack session ({@link org.badgebridge.account.BackpackHolder}, a
 * {@code SameSite=Lax} cookie of a top-level page, the backpack never runs in the LMS frame), a page per award it holds
 * ({@link org.badgebridge.account.HeldAward}: accept, decline, the credential's files, the name in the credential, public or private with the share link,
 * LinkedIn and a QR code through {@code sharing}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account and backpack",
		allowedDependencies = { "web", "access", "award", "badge", "mail", "claim", "course", "credential", "sharing" })
package org.badgebridge.account;
