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
 * its gradebook form does. Its pages may be framed by itself only (the launch frame).
 */
@ConditionalOnDemo
@Configuration
class DemoSecurityConfiguration {

	@Bean
	@Order(20)
	SecurityFilterChain demoLms(HttpSecurity http) throws Exception {
		http.securityMatcher("/demolms/**")
				.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.ignoringRequestMatchers("/demolms/token", "/demolms/register", "/demolms/auth",
						"/demolms/services/**", "/demolms/deep-linking/return"))
				.headers(h -> h.frameOptions(f -> f.sameOrigin()))
				.requestCache(c -> c.disable());
		return http.build();
	}
}
