/**
 * Verification of badges for employers and other third parties: "verify a badge" ({@code /verify}: a baked PNG or
 * SVG, a credential as JSON or VC-JWT, or a link), the checks it runs (Data Integrity proof or JWT signature,
 * issuer, validity dates, Bitstring status lists, Open Badges 2.0 hosted copies, recipient), the fetcher with its
 * server-side request forgery rules ({@code badgebridge.verify.allowed-hosts}), and the public verification page of
 * an award ({@code /verify/{award}}) and the page a share link opens ({@code /s/{token}}, links from {@code sharing}). Our own documents are read through {@code credential}'s API, never fetched.
 * A leaf: no other module uses it, so it has no public API; nothing it checks is stored.
 * In memory only: the outcomes of proof checks by the SHA-256 of the bytes checked ({@code badgebridge.verify.cache.*}),
 * bounded, emptied on {@code CredentialKeysRotated}, {@code ToolKeysRotated} and {@code AwardRevoked}; status is read every time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Verification", allowedDependencies = { "award", "badge", "course", "credential", "infrastructure", "platform", "sharing", "web" })
package org.badgebridge.verification;
