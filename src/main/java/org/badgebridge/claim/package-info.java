/**
 * The learner's side of a badge: the badge panel inside the course (their own progress, approval requests, the
 * address for the claim mail, their credential once claimed), claim links and the claim mail: when a badge is
 * awarded the learner gets a mail (English or Dutch) with a link ({@code /claim/{token}}, 256 random bits, only a
 * hash stored, expiring) to accept it; the claim page then hands out the Open Badges 3.0 credential (JSON, VC-JWT,
 * baked PNG), the public/private switch and, through {@code sharing}, the share link's controls (until the backpack
 * has them too).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Claiming",
		allowedDependencies = { "access", "award", "badge", "course", "credential", "mail", "platform", "sharing", "web" })
package org.badgebridge.claim;
