/**
 * The learner's side of a badge: the badge panel inside the course (their own progress, approval requests, the
 * address for the claim mail, their credential once claimed), claim links and the claim mail: when a badge is
 * awarded the learner gets a mail (English or Dutch) with a link ({@code /claim/{token}}, 256 random bits, only a
 * hash stored, expiring) to accept it, which also signs them in to their backpack; the credential's files, who may
 * see it and its share link are there, behind the backpack's sign-in (the link's former addresses send there).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Claiming",
		allowedDependencies = { "access", "award", "badge", "course", "credential", "mail", "platform", "web", "infrastructure" })
package org.badgebridge.claim;
