/**
 * The public catalogue: badge classes that teachers listed, searchable by text and filterable by institution,
 * EQF level, workload and language, with a page per badge class.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue",
		allowedDependencies = { "badge", "web" })
package org.badgebridge.catalogue;
