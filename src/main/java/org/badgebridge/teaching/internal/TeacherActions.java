package org.badgebridge.teaching.internal;

import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.badgebridge.access.BadgeTeacher;
import org.badgebridge.badge.InvalidBadgeException;
import org.badgebridge.lms.LmsCallFailed;
import org.badgebridge.web.Notice;
import org.badgebridge.web.Notices;

/**
 * Runs a teacher's action and returns to the page it came from (the badge's dashboard or a set-up step) with what
 * came of it: the confirmation, or the reason it failed (next to the field when one is to blame). Nothing fails
 * silently, and nothing needs a servlet session. Texts come from the {@code teaching} bundle in the page's language.
 */
@Component
class TeacherActions {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TeacherActions.class);

	private final Notices notices;

	private final MessageSource messages;

	TeacherActions(Notices notices, MessageSource messages) {
		this.notices = notices;
		this.messages = messages;
	}

	String act(BadgeTeacher teacher, Supplier<Notice> action) {
		return act(teacher, null, action);
	}

	/** Runs the action and returns to the badge's page {@code below} (e.g. {@code setup/badge}; the dashboard when null). */
	String act(BadgeTeacher teacher, String below, Supplier<Notice> action) {
		Notice notice;
		try {
			notice = action.get();
		}
		catch (LmsCallFailed ex) {
			log.warn("Teacher action on badge {} failed at the LMS: {}", teacher.badgeId(), ex.getMessage());
			notice = notices.refusal(ex);
		}
		catch (InvalidBadgeException | IllegalArgumentException | IllegalStateException ex) {
			notice = notices.refusal(ex);
		}
		return notices.redirect(below == null ? page(teacher) : page(teacher) + "/" + below, notice);
	}

	/** Back to the dashboard, which shows the sync asked for at {@code since} (epoch ms) as running until it ends. */
	String backWhileSyncing(BadgeTeacher teacher, long since, Notice notice) {
		return notices.redirect(page(teacher) + "?since=" + since, notice);
	}

	String back(BadgeTeacher teacher, Notice notice) {
		return notices.redirect(page(teacher), notice);
	}

	/** A confirmation in the page's language. */
	Notice info(String key, Object... args) {
		return Notice.info(text(key, args));
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	static String page(BadgeTeacher teacher) {
		return "/lti/teach/badges/" + teacher.badgeId();
	}
}
