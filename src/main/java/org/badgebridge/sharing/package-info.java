/**
 * Sharing an award: a learner's award is private by default; made public it gets a share link ({@code /s/{token}},
 * 128 random bits) that stays the same while the award is public (and when it is made public again), can be
 * regenerated (the old link then answers a neutral 410 page), and opens the award's public page, which explains
 * itself when the award is private, revoked or expired. Also LinkedIn's "Add to profile" URL and the QR code of the
 * share link, and the controls of a shared award as a fragment ({@code sharing/controls}) for the claim page and the
 * backpack. What the award's public URLs answer in each state: docs/sharing.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sharing",
		allowedDependencies = { "award", "badge", "credential", "platform" })
package org.badgebridge.sharing;
