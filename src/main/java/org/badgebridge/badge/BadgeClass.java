package org.badgebridge.badge;

import java.time.Instant;

/** A badge that learners of a course can earn. Its id is a random UUID, safe to put in LMS links. */
public record BadgeClass(String id, String name, String description, Long contextId, String createdBy,
		Instant createdAt, Criteria criteria, boolean active, BadgeDetails details, Long issuerId) {

	public boolean hasCriteria() {
		return criteria != null;
	}
}
