/**
 * The LTI 1.3 message layer: OIDC third-party login, the launch (id_token validation per the 1EdTech
 * Security Framework), LTI platform storage, the tool session that follows a launch, and Deep Linking.
 * Nothing outside this module sees an LTI message: it hands plain values to {@code course} and {@code badge}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "LTI launch")
package org.badgebridge.launch;
