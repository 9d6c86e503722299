/**
 * The teaching workflow inside the LMS: adding a badge to the course (the Deep Linking picker), the course's badges,
 * and a badge's teacher page (details and EU elements, image, the columns the tool can read, criteria, awarding
 * on/off, sync now, the learners with manual award, revocation, suspension, approvals and claim mails again). The
 * rules a teacher's input must meet live in {@link org.badgebridge.teaching.BadgeSetup}, not in the controllers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Teaching",
		allowedDependencies = { "web", "access", "launch", "badge", "course", "award", "claim", "lms" })
package org.badgebridge.teaching;
