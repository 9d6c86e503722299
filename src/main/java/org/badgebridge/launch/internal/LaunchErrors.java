package org.badgebridge.launch.internal;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused login or launch: a page that says what was wrong in terms an LMS admin can act on, with a
 * correlation id that is also in the log. Never a stack trace, never 200.
 */
@ControllerAdvice(basePackageClasses = LaunchErrors.class)
class LaunchErrors {

	private static final Logger log = LoggerFactory.getLogger(LaunchErrors.class);

	private final org.springframework.context.MessageSource messages;

	LaunchErrors(org.springframework.context.MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(LaunchRejected.class)
	ModelAndView rejected(LaunchRejected ex, HttpServletRequest request, HttpServletResponse response) {
		String correlation = UUID.randomUUID().toString().substring(0, 8);
		log.warn("LTI request {} {} refused ({}), correlation id {}: {}", request.getMethod(), request.getRequestURI(),
				ex.status(), correlation, ex.getMessage());
		response.setHeader("Cache-Control", "no-store");
		ModelAndView page = new ModelAndView("launch/error");
		page.addObject("message", ex.key() == null ? ex.getMessage() : messages.getMessage(ex.key(), ex.args(), ex.getMessage(),
				org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		page.addObject("status", ex.status());
		page.addObject("correlation", correlation);
		page.setStatus(org.springframework.http.HttpStatusCode.valueOf(ex.status()));
		return page;
	}
}
