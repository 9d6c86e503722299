package org.badgebridge.course;

import java.util.List;

/** A course (LTI context) of one registration, with the service endpoints its last launch announced. */
public record CourseContext(long id, long registrationId, String deploymentId, String lmsContextId, String label,
		String title, String lineItemsUrl, List<String> agsScopes, String membershipsUrl) {

	public String displayTitle() {
		return title != null && !title.isBlank() ? title : label != null && !label.isBlank() ? label : lmsContextId;
	}
}
