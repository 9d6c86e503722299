package org.badgebridge.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the notice a redirect carried ({@code ?n=...}) on the page: {@code notice}, {@code error}, {@code fieldErrors}. */
@ControllerAdvice
class NoticeAdvice {

	private final Notices notices;

	NoticeAdvice(Notices notices) {
		this.notices = notices;
	}

	@ModelAttribute
	void notice(HttpServletRequest request, Model model) {
		String id = request.getParameter(Notices.PARAMETER);
		if (id == null || !"GET".equals(request.getMethod())) {
			model.addAttribute("fieldErrors", Map.of());
			return;
		}
		notices.take(id).ifPresentOrElse(n -> {
			model.addAttribute(n.error() ? "error" : "notice", n.message());
			model.addAttribute("fieldErrors", n.fields());
		}, () -> model.addAttribute("fieldErrors", Map.of()));
	}
}
