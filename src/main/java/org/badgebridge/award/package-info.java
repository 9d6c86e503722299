/**
 * Awarding: evaluates every learner of a course against its active badges after each complete sync, awards
 * exactly once (database uniqueness) with the evidence (criteria met and the learner's results), records
 * who/when/why for every award, claim, suspension and revocation, keeps the learner's public/private choice, and
 * publishes {@link org.badgebridge.award.BadgeAwarded} and {@link org.badgebridge.award.AwardClaimed} through the
 * JDBC event publication registry (at-least-once delivery; every listener is idempotent per award). Writes
 * "earned" (1/1) back to the badge's own column. Knows no LTI message.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Awarding", allowedDependencies = { "badge", "course", "lms", "platform", "infrastructure", "web" })
package org.badgebridge.award;
