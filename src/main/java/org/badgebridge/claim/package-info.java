/**
 * Claim links and the claim mail: when a badge is awarded the learner gets a mail (English or Dutch) with a
 * single-use link ({@code /claim/{token}}, 256 random bits, only a hash stored, expiring) to accept it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Claiming")
package org.badgebridge.claim;
