package org.badgebridge.launch.internal;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import org.badgebridge.course.Courses;
import org.badgebridge.launch.ToolSession;
import org.badgebridge.launch.ToolSessions;
import org.badgebridge.web.SessionLanguage;

/**
 * The page language kept in the tool session: the launch's ({@code launch_presentation.locale}, else the
 * {@code locale} claim) until the person chooses another with the language switch; a choice is also written on
 * their course record, so that mails sent later use it.
 */
@Component
class ToolSessionLanguage implements SessionLanguage {

	private final ToolSessions sessions;

	private final Courses courses;

	ToolSessionLanguage(ToolSessions sessions, Courses courses) {
		this.sessions = sessions;
		this.courses = courses;
	}

	@Override
	public Optional<String> of(HttpServletRequest request) {
		return sessions.find(request).map(ToolSession::locale);
	}

	@Override
	public boolean choose(HttpServletRequest request, Locale language) {
		Optional<ToolSession> session = sessions.find(request);
		session.ifPresent(s -> {
			sessions.setLocale(s.id(), language.getLanguage());
			courses.chooseLocale(s.memberId(), language.getLanguage());
		});
		return session.isPresent();
	}
}
