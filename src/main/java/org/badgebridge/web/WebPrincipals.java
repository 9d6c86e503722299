package org.badgebridge.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Resolves {@link Admin} from the authenticated request, or refuses: a handler taking an Admin cannot run for anyone else. */
@Configuration
class WebPrincipals implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new AdminResolver());
	}

	static final class AdminResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Admin.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
				WebDataBinderFactory binderFactory) {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth == null || !auth.isAuthenticated()
					|| auth.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
				throw AccessRefused.noSession("Sign in as the BadgeBridge administrator.", "common.refused.admin");
			}
			return new Admin(auth.getName());
		}
	}
}
