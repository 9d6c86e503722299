/**
 * The admin's console: the dashboard at {@code /admin} (platforms with their state, last launch, last sync and failing
 * courses; courses syncing and failing; awards and claims per ISO week; awards per state; mails per state; the signing
 * keys and their age), every number a link to the list it counts with that filter set. Owns no table: every figure
 * comes from the owning module's read API ({@code PlatformFigures}, {@code SyncFigures}, {@code AwardFigures},
 * {@code MailFigures}, {@code ToolKeys}, {@code CredentialKeys}), counted there in SQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin console",
		allowedDependencies = { "web", "platform", "course", "award", "mail", "credential" })
package org.badgebridge.console;
