/**
 * Verifiable credentials of awards: Open Badges 2.0 hosted objects (Issuer, BadgeClass, Assertion and
 * RevocationList as JSON-LD at stable URLs whose id is the URL served, HTML for browsers) and baking (PNG
 * {@code iTXt} {@code openbadges}, SVG); Open Badges 3.0 credentials minted at claim with a Data Integrity proof
 * ({@code eddsa-rdfc-2022}) and as a VC-JWT, their keys (encrypted at rest, published for good), the issuer id
 * ({@code did:web} or {@code did:key}) and DID document, our JSON-LD context for the EU elements, Bitstring status
 * lists for revocation and suspension. Verifying badges (ours and others') is the {@code verification} module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credentials", allowedDependencies = { "award", "badge", "platform", "infrastructure", "web" })
package org.badgebridge.credential;
