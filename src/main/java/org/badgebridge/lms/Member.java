package org.badgebridge.lms;

import java.util.List;

/** One member of a course's roster (NRPS). Only {@code userId} and {@code roles} are sure to be there. */
public record Member(String userId, List<String> roles, Status status, String name, String givenName, String familyName,
		String email) {

	public enum Status {
		Active, Inactive, Deleted;

		static Status of(Object value) {
			if (value == null) {
				return Active;
			}
			for (Status s : values()) {
				if (s.name().equalsIgnoreCase(value.toString())) {
					return s;
				}
			}
			return Active;
		}
	}

	public static Status status(Object value) {
		return Status.of(value);
	}
}
