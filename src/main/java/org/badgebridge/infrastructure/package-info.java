/**
 * Shared technical infrastructure, no business of its own: the encryption of private keys at rest
 * ({@link org.badgebridge.infrastructure.KeyEncryption}, used by {@code credential} and, later, {@code platform})
 * and the clustered Quartz job that resubmits event publications whose listener did not complete. It depends on no
 * other module, so that every module may use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared infrastructure", allowedDependencies = {})
package org.badgebridge.infrastructure;
