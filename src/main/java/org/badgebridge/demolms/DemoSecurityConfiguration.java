package org.badgebridge.demolms;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The demo platform is a separate site: its machine endpoints (token, services, registration) and the
 * browser posts that come from the tool's frame (authorization, deep linking return) take no CSRF token;
 * its gradebook form does. Its pages may be framed by itself only (the launch frame) and run no inline code.
 */
@ConditionalOnDemo
@Configuration
class DemoSecurityConfiguration {

	@Bean
	@Order(20)
	SecurityFilterChain demoLms(HttpSecurity http, DemoSettings settings) throws Exception {
		http.securityMatcher("/demolms/**")
				.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.csrfTokenRepository(demoCsrfTokens())
						.csrfTokenRequestHandler(new org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler())
						.ignoringRequestMatchers("/demolms/token", "/demolms/register", "/demolms/auth",
						"/demolms/services/**", "/demolms/deep-linking/return"))
				.headers(h -> h.frameOptions(f -> f.sameOrigin()).contentSecurityPolicy(c -> c.policyDirectives(policy(settings))))
				.requestCache(c -> c.disable());
		return http.build();
	}

	/**
	 * The demo's pages run no inline code either. They frame the tool and send its login and launch forms to it (form
	 * redirects included), and only the demo itself may frame them.
	 */
	static String policy(DemoSettings settings) {
		String tool = origin(settings.toolUrl());
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
				+ "base-uri 'none'; frame-src 'self' " + tool + "; form-action 'self' " + tool + "; frame-ancestors 'self'";
	}

	private static String origin(String url) {
		java.net.URI uri = java.net.URI.create(url);
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
	}

	/** The demo LMS keeps its CSRF token in a cookie of its own site, like the tool: no servlet session anywhere. */
	private static org.springframework.security.web.csrf.CookieCsrfTokenRepository demoCsrfTokens() {
		org.springframework.security.web.csrf.CookieCsrfTokenRepository tokens = new org.springframework.security.web.csrf.CookieCsrfTokenRepository();
		tokens.setCookieName("demolms_csrf");
		tokens.setCookiePath("/demolms");
		return tokens;
	}
}
