package org.badgebridge.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page what its language switch needs: {@code here}, the page's own path and query (without
 * {@code lang} and the one-time notice id), to return to after the choice; only on pages fetched with GET.
 */
@ControllerAdvice
class LanguageAdvice {

	@ModelAttribute
	void here(HttpServletRequest request, Model model) {
		if (!"GET".equals(request.getMethod())) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String query = request.getQueryString() == null ? "" : Arrays.stream(request.getQueryString().split("&"))
				.filter(p -> !p.isEmpty() && !p.startsWith(Languages.PARAMETER + "=") && !p.startsWith(Notices.PARAMETER + "="))
				.collect(Collectors.joining("&"));
		model.addAttribute("here", local(query.isEmpty() ? path : path + "?" + query));
	}

	/** A path of this tool to return to: anything else (another site, {@code //host}, a control character) is "/". */
	static String local(String target) {
		if (target == null || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")
				|| target.length() > 2000 || target.chars().anyMatch(c -> c < 0x21 || c == '\\' || c == '{' || c == '}' || c > 0x7e)) {
			return "/";
		}
		return target;
	}
}
