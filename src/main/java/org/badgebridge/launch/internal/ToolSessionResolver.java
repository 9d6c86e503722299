package org.badgebridge.launch.internal;

import java.text.ParseException;
import java.util.List;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.badgebridge.launch.DeepLinkingTeacher;
import org.badgebridge.launch.ToolSession;
import org.badgebridge.launch.ToolSessions;
import org.badgebridge.web.AccessRefused;

/**
 * Gives Deep Linking handlers their {@link DeepLinkingTeacher}: the request's tool session, a teacher's, with an
 * open deep linking request. Anyone else is refused before the handler runs.
 */
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
		return parameter.getParameterType() == DeepLinkingTeacher.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
			WebDataBinderFactory binderFactory) {
		ToolSession session = sessions.of(webRequest.getNativeRequest(HttpServletRequest.class));
		if (!session.isTeacher()) {
			throw AccessRefused.forbidden("Only teachers can add badges to the course.", "common.refused.deepLinkingTeachers");
		}
		if (session.deepLinking() == null) {
			throw AccessRefused.noSession("This session has no open deep linking request. Start again from the course's "
					+ "\"add an activity\" dialog.", "common.refused.deepLinking");
		}
		try {
			return new DeepLinkingTeacher(session, JSONObjectUtils.parse(session.deepLinking()));
		}
		catch (ParseException ex) {
			throw AccessRefused.noSession("The deep linking request is unreadable. Start again from the course.",
					"common.refused.deepLinkingUnreadable");
		}
	}
}
