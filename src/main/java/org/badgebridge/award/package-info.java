/**
 * Awarding: evaluates every learner of a course against its active badges after each complete sync, awards
 * exactly once (database uniqueness), records who/when/why for every award and revocation, and publishes
 * {@link org.badgebridge.award.BadgeAwarded} through the JDBC event publication registry (at-least-once
 * delivery; every listener is idempotent per award). Writes "earned" (1/1) back to the badge's own column.
 * Knows no LTI message.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Awarding")
package org.badgebridge.award;
