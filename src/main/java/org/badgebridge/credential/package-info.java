/**
 * Verifiable credentials of awards. So far: Open Badges 2.0 hosted (Issuer, BadgeClass, Assertion and
 * RevocationList as JSON-LD at stable URLs whose id is the URL served, HTML for browsers) and the baked PNG
 * ({@code iTXt} chunk {@code openbadges}). Open Badges 3.0 credentials, proofs and the verifier follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credentials")
package org.badgebridge.credential;
