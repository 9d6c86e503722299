package org.badgebridge.course;

import java.util.Collection;

/** What a member may do in the tool for one course: teach (manage badges) or learn (earn them). */
public enum CourseRole {
	TEACHER, LEARNER;

	private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

	/**
	 * Maps LTI context roles: membership Instructor, Administrator, ContentDeveloper or
	 * Instructor#TeachingAssistant teach; everyone else learns. Institution and system roles (Canvas sends
	 * institution Administrator and Student to admins) never make a teacher. Short and legacy forms accepted.
	 */
	public static CourseRole of(Collection<String> roles) {
		for (String role : roles) {
			if (role == null) {
				continue;
			}
			String r = role.trim();
			if (r.equals(MEMBERSHIP + "Instructor") || r.equals(MEMBERSHIP + "Administrator")
					|| r.equals(MEMBERSHIP + "ContentDeveloper")
					|| r.equals("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant")
					|| r.equals("Instructor") || r.equals("Administrator") || r.equals("ContentDeveloper")
					|| r.equals("TeachingAssistant") || r.equals("urn:lti:role:ims/lis/Instructor")
					|| r.equals("urn:lti:role:ims/lis/Administrator") || r.equals("urn:lti:role:ims/lis/ContentDeveloper")
					|| r.equals("urn:lti:role:ims/lis/TeachingAssistant")
					|| r.equals("urn:lti:role:ims/lis/Instructor/TeachingAssistant")) {
				return TEACHER;
			}
		}
		return LEARNER;
	}
}
