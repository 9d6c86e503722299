package org.badgebridge.teaching.internal;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import org.badgebridge.access.BadgeTeacher;
import org.badgebridge.badge.InvalidBadgeException;
import org.badgebridge.lms.LmsCallFailed;
import org.badgebridge.web.InvalidInput;
import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;

/**
 * Runs a teacher's action and returns to the badge's page with what came of it: the confirmation, or the reason it
 * failed (next to the field when one is to blame). Nothing fails silently, and nothing needs a servlet session.
 */
@Component
class TeacherActions {

	private final Notices notices;

	TeacherActions(Notices notices) {
		this.notices = notices;
	}

	String act(BadgeTeacher teacher, Supplier<Notice> action) {
		Notice notice;
		try {
			notice = action.get();
		}
		catch (InvalidInput ex) {
			notice = ex.notice();
		}
		catch (InvalidBadgeException | LmsCallFailed | IllegalArgumentException | IllegalStateException ex) {
			notice = Notice.error(ex.getMessage());
		}
		return back(teacher, notice);
	}

	String back(BadgeTeacher teacher, Notice notice) {
		return notices.redirect(page(teacher), notice);
	}

	static String page(BadgeTeacher teacher) {
		return "/lti/teach/badges/" + teacher.badgeId();
	}
}
