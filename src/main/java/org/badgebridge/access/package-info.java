/**
 * Who may do what inside a course: the principals page handlers receive ({@link org.badgebridge.access.CourseMember},
 * {@link org.badgebridge.access.BadgeTeacher}, {@link org.badgebridge.access.BadgeLearner},
 * {@link org.badgebridge.access.ManagedAward}), each resolved from the request's tool session, its role and the
 * course it was launched in, and checked to own the badge or award the request names before the handler runs. A
 * handler cannot forget the check: without the right principal it is never called.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access in a course",
		allowedDependencies = { "web", "launch", "badge", "award" })
package org.badgebridge.access;
