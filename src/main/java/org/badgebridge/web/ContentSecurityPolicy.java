package org.badgebridge.web;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Content-Security-Policy of every page of the tool: scripts, styles, images and everything else from the tool
 * only, never inline ({@code 'unsafe-inline'} and {@code 'unsafe-eval'} are never allowed), no plugins, no
 * {@code <base>}. Forms go to the tool only, except the one page that sends a form to a platform: its model names
 * that URL under {@link #FORM_TARGET}. Framing: LTI pages by the registered platforms, every other page by nobody.
 * A handler may narrow {@code frame-ancestors} by setting a policy with only that directive: it is completed here.
 * A response with a policy of its own ({@code default-src}, e.g. images and Open Badges documents) keeps it.
 */
public final class ContentSecurityPolicy {

	/** Model attribute: the URL outside the tool that this page's form is sent to (e.g. a Deep Linking return URL). */
	public static final String FORM_TARGET = "contentSecurityPolicyFormTarget";

	static final String HEADER = "Content-Security-Policy";

	static final String BASE = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'none'";

	private static final String FORM_ACTION = ContentSecurityPolicy.class.getName() + ".formAction";

	private ContentSecurityPolicy() {
	}

	/** The whole policy of a page. */
	static String page(String formAction, String frameAncestors) {
		return BASE + "; form-action " + formAction + "; frame-ancestors " + frameAncestors;
	}

	/** Writes the page policy (LTI pages framed by {@code sources}, others by nobody) unless the response has its own. */
	static HeaderWriter writer(FrameSources sources) {
		return (request, response) -> {
			String own = response.getHeader(HEADER);
			if (own != null && own.contains("default-src")) {
				return;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String ancestors = directive(own, "frame-ancestors");
			if (ancestors == null) {
				ancestors = path.startsWith("/lti/") ? sources.sources() : "'none'";
			}
			if ("'none'".equals(ancestors) && !response.containsHeader("X-Frame-Options")) {
				response.setHeader("X-Frame-Options", "DENY");
			}
			Object formAction = request.getAttribute(FORM_ACTION);
			response.setHeader(HEADER, page(formAction == null ? "'self'" : (String) formAction, ancestors));
		};
	}

	/** Reads {@link #FORM_TARGET} from the model of the page about to be rendered. */
	static HandlerInterceptor formTargets() {
		return new HandlerInterceptor() {
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
				Object target = page == null ? null : page.getModel().get(FORM_TARGET);
				String origin = target instanceof String url ? origin(url) : null;
				if (origin != null) {
					request.setAttribute(FORM_ACTION, "'self' " + origin);
				}
			}
		};
	}

	/** The origin of an absolute http(s) URL, or null. */
	static String origin(String url) {
		try {
			URI uri = URI.create(url.trim());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
				return null;
			}
			return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String directive(String policy, String name) {
		if (policy == null) {
			return null;
		}
		for (String part : policy.split(";")) {
			String p = part.trim();
			if (p.startsWith(name + " ")) {
				return p.substring(name.length() + 1).trim();
			}
		}
		return null;
	}
}
