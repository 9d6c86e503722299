/**
 * Shared technical infrastructure, no business of its own: the encryption of private keys at rest
 * ({@link org.badgebridge.infrastructure.KeyEncryption}, used by {@code credential} and, later, {@code platform}),
 * the clustered Quartz job that resubmits event publications whose listener did not complete (and the scheduler's
 * health indicator, {@code quartz}), and every outgoing
 * HTTP call ({@link org.badgebridge.infrastructure.OutgoingHttp}: one deadline over connect, headers and body, a byte
 * cap, and the {@link org.badgebridge.infrastructure.AddressRules} against server-side request forgery). It depends on no
 * other module, so that every module may use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared infrastructure", allowedDependencies = {})
package org.badgebridge.infrastructure;
