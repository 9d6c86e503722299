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

	private static final String GENERAL_ENGLISH = "BadgeBridge could not open from your course.";

	private final org.springframework.context.MessageSource messages;

	private final LaunchMetrics metrics;

	LaunchErrors(org.springframework.context.MessageSource messages, LaunchMetrics metrics) {
		this.messages = messages;
		this.metrics = metrics;
	}

	@ExceptionHandler(LaunchRejected.class)
	ModelAndView rejected(LaunchRejected ex, HttpServletRequest request, HttpServletResponse response) {
		String id = response.getHeader("X-Correlation-Id"); // the request's, from infrastructure's filter
		String correlation = id != null ? id : UUID.randomUUID().toString().substring(0, 12);
		metrics.refused(ex.status());
		log.warn("LTI request {} {} refused ({}), correlation id {}: {}", request.getMethod(), request.getRequestURI(),
				ex.status(), correlation, ex.getMessage());
		response.setHeader("Cache-Control", "no-store");
		ModelAndView page = new ModelAndView("launch/error");
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		String general = messages.getMessage(general(ex.status()), null, GENERAL_ENGLISH, locale);
		page.addObject("message", ex.key() == null ? general : messages.getMessage(ex.key(), ex.args(), general, locale));
		page.addObject("detail", ex.getMessage());
		page.addObject("status", ex.status());
		page.addObject("correlation", correlation);
		page.setStatus(org.springframework.http.HttpStatusCode.valueOf(ex.status()));
		return page;
	}

	/**
	 * The sentence of a refusal without a key of its own, by status: the LMS sent an incomplete launch (400), it could
	 * not be verified (401), it is not allowed here (403). The technical reason, in English for the LMS admin, follows
	 * in a details element and in the log.
	 */
	static String general(int status) {
		return switch (status) {
			case 400 -> "common.launch.refused.malformed";
			case 401 -> "common.launch.refused.invalid";
			case 403 -> "common.launch.refused.forbidden";
			default -> "common.launch.refused.other";
		};
	}
}
