package org.badgebridge.launch.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.badgebridge.launch.ToolSession;
import org.badgebridge.launch.ToolSessions;

/** Gives controllers the {@link ToolSession} of the request's session cookie, or refuses with 401. */
@Configuration
class ToolSessionResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	private final ToolSessions sessions;

	ToolSessionResolver(ToolSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == ToolSession.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
			WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		String id = request == null ? null : LtiCookies.read(request, ToolSessions.COOKIE);
		return sessions.find(id).orElseThrow(() -> LaunchRejected.invalid(
				"Your BadgeBridge session has ended or this browser blocks the tool's cookie. Open the activity again from your course."));
	}
}
