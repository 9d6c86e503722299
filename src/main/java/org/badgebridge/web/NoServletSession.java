package org.badgebridge.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The tool keeps no page state in the servlet session: inside an LMS frame on another site its cookie is dropped,
 * and a session in one node's memory would not be seen by the next node. Any code that tries to create one fails
 * loudly here instead of working same-site and silently losing state cross-site. Notices go through
 * {@link Notices}, who is calling through the tool session in the database.
 */
@Configuration
class NoServletSession {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> noServletSessionFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				chain.doFilter(new Sessionless(request), response);
			}
		});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	static final class Sessionless extends HttpServletRequestWrapper {

		Sessionless(HttpServletRequest request) {
			super(request);
		}

		@Override
		public HttpSession getSession() {
			return getSession(true);
		}

		@Override
		public HttpSession getSession(boolean create) {
			if (create) {
				throw new IllegalStateException("BadgeBridge keeps no state in the servlet session (it would not reach an LMS frame "
						+ "on another site, nor another node)");
			}
			return null;
		}
	}
}
