package org.badgebridge.account.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.badgebridge.account.BackpackHolder;
import org.badgebridge.account.HeldAward;
import org.badgebridge.web.AccessRefused;

/**
 * Resolves {@link HeldAward}: the backpack session as for {@link BackpackHolder} (a page without one sends to the
 * sign-in page, anything else is refused), then the award of the path must be one the account holds, else 404 (no
 * different answer for an award that exists but is someone else's).
 */
@Configuration
class HeldAwardPrincipals implements WebMvcConfigurer {

	private final BackpackSessions sessions;

	private final HeldAwards held;

	HeldAwardPrincipals(BackpackSessions sessions, HeldAwards held) {
		this.sessions = sessions;
		this.held = held;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == HeldAward.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
					WebDataBinderFactory binderFactory) {
				HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
				BackpackHolder holder = BackpackPrincipals.holderOrRefuse(sessions, request);
				@SuppressWarnings("unchecked")
				Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
				String award = variables == null ? null : variables.get("award");
				if (award == null || !held.holds(holder.accountId(), award)) {
					throw new AccessRefused(404, "No such badge in this backpack.", "learning.backpack.award.unknown");
				}
				return new HeldAward(holder.accountId(), holder.sessionHash(), award);
			}
		});
	}
}
