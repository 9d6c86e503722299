package org.badgebridge.account.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.badgebridge.account.BackpackHolder;
import org.badgebridge.web.AccessRefused;

/**
 * Resolves {@link BackpackHolder} from the backpack session cookie, or refuses: a page (GET) sends the person to the
 * sign-in page, any other request is refused (401).
 */
@Configuration
class BackpackPrincipals implements WebMvcConfigurer {

	static final String SIGN_IN = "/backpack/sign-in";

	private final BackpackSessions sessions;

	BackpackPrincipals(BackpackSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == BackpackHolder.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
					WebDataBinderFactory binderFactory) {
				return holderOrRefuse(sessions, webRequest.getNativeRequest(HttpServletRequest.class));
			}
		});
	}

	/** The request's holder; without one a page (GET) is sent to the sign-in page, anything else refused (401). */
	static BackpackHolder holderOrRefuse(BackpackSessions sessions, HttpServletRequest request) {
		return sessions.holder(request).orElseThrow(() -> "GET".equals(request.getMethod()) ? new SignInNeeded()
				: AccessRefused.noSession("Sign in to your backpack first.", "learning.backpack.refused.signIn"));
	}

	/** A backpack page asked for without a backpack session: answered by a redirect to the sign-in page. */
	static final class SignInNeeded extends RuntimeException {
		SignInNeeded() {
			super("Sign in to your backpack first.", null, false, false);
		}
	}

	@org.springframework.web.bind.annotation.ControllerAdvice
	@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
	static class SignInRedirect {
		@org.springframework.web.bind.annotation.ExceptionHandler(SignInNeeded.class)
		void signIn(HttpServletRequest request, HttpServletResponse response) {
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			response.setHeader("Location", request.getContextPath() + SIGN_IN);
			response.setHeader("Cache-Control", "no-store");
		}
	}
}
