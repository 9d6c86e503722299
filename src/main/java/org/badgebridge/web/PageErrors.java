package org.badgebridge.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors people see are pages that say what to do, never a raw JSON body: a refused access (with the reason), a
 * form value of the wrong kind or a missing one (naming the field), for every page of the tool. Only the JSON
 * admin API ({@code /api/...}) answers with problem details.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	private final org.springframework.context.MessageSource messages;

	PageErrors(org.springframework.context.MessageSource messages) {
		this.messages = messages;
	}

	/** The text of a message key in the request's language, the English fallback where the key has none. */
	private String text(String key, Object[] args, String english) {
		if (key == null) {
			return english;
		}
		return messages.getMessage(key, args, english, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	/**
	 * The request's correlation id, which {@code infrastructure} put in the response header {@code X-Correlation-Id}
	 * (and in every log line of the request); a fresh one where no filter ran.
	 */
	static String correlation(HttpServletResponse response) {
		String id = response.getHeader("X-Correlation-Id");
		return id != null ? id : UUID.randomUUID().toString().substring(0, 12);
	}

	@ExceptionHandler(AccessRefused.class)
	Object refused(AccessRefused ex, HttpServletRequest request, HttpServletResponse response) {
		String correlation = correlation(response);
		log.warn("{} {} refused ({}), correlation id {}: {}", request.getMethod(), request.getRequestURI(), ex.status(),
				correlation, ex.getMessage());
		return page(request, response, ex.status(), text(ex.key(), ex.args(), ex.getMessage()), null, correlation);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request, HttpServletResponse response) {
		String expected = ex.getRequiredType() == null ? "value" : switch (ex.getRequiredType().getSimpleName()) {
			case "double", "Double", "int", "Integer", "long", "Long" -> "number";
			case "boolean", "Boolean" -> "yesno";
			default -> "value";
		};
		String kind = text("common.kind." + expected, new Object[0], "yesno".equals(expected) ? "yes or no" : expected);
		String message = text("common.error.mismatch", new Object[] { String.valueOf(ex.getValue()), kind, ex.getName() },
				"\"" + String.valueOf(ex.getValue()) + "\" is not a valid " + kind + " for the field \"" + ex.getName()
						+ "\". Go back, correct it and send the form again.");
		return page(request, response, 400, message, ex.getName(), null);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missing(MissingServletRequestParameterException ex, HttpServletRequest request, HttpServletResponse response) {
		return page(request, response, 400, text("common.error.missing", new Object[] { ex.getParameterName() },
				"The field \"" + ex.getParameterName() + "\" is required. Go back, fill it in and send the form again."),
				ex.getParameterName(), null);
	}

	/**
	 * Spring's own refusals (no such page, wrong method, unreadable request, a controller's 404): the error page for
	 * people, problem details for the JSON API.
	 */
	@ExceptionHandler({ org.springframework.web.ErrorResponseException.class,
			org.springframework.web.servlet.resource.NoResourceFoundException.class,
			org.springframework.web.servlet.NoHandlerFoundException.class,
			org.springframework.web.HttpRequestMethodNotSupportedException.class,
			org.springframework.web.HttpMediaTypeNotSupportedException.class,
			org.springframework.web.HttpMediaTypeNotAcceptableException.class })
	Object framework(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		org.springframework.web.ErrorResponse error = (org.springframework.web.ErrorResponse) ex;
		int status = error.getStatusCode().value();
		response.setHeader("Cache-Control", "no-store");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(status).headers(error.getHeaders()).body(error.getBody());
		}
		ModelAndView page = new ModelAndView("error");
		page.addObject("status", status);
		page.setStatus(HttpStatus.valueOf(status));
		error.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
		return page;
	}

	@ExceptionHandler(InvalidInput.class)
	Object invalid(InvalidInput ex, HttpServletRequest request, HttpServletResponse response) {
		return page(request, response, 400, text(ex.key(), ex.args(), ex.getMessage()), ex.field(), null);
	}

	private static Object page(HttpServletRequest request, HttpServletResponse response, int status, String message,
			String field, String correlation) {
		response.setHeader("Cache-Control", "no-store");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), message);
			return ResponseEntity.status(status).body(problem);
		}
		ModelAndView page = new ModelAndView("problem");
		page.addObject("status", status);
		page.addObject("message", message);
		page.addObject("field", field);
		page.addObject("correlation", correlation);
		page.setStatus(HttpStatus.valueOf(status));
		return page;
	}
}
