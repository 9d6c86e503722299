/**
 * The LTI 1.3 message layer and nothing else: OIDC third-party login, the launch (id_token validation per the
 * 1EdTech Security Framework), LTI platform storage, the tool session that follows a launch
 * ({@link org.badgebridge.launch.ToolSessions}), and Deep Linking's signed response
 * ({@link org.badgebridge.launch.DeepLinking}, for a {@link org.badgebridge.launch.DeepLinkingTeacher}). Nothing
 * outside this module sees an LTI message: it hands plain values to {@code course}; the pages a launch opens live in
 * the modules of their features ({@code teaching} for teachers, {@code claim} for learners).
 */
@org.springframework.modulith.ApplicationModule(displayName = "LTI launch",
		allowedDependencies = { "course", "infrastructure", "platform", "web" })
package org.badgebridge.launch;
