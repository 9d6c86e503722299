package org.badgebridge.infrastructure;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every HTTP request is one piece of work with a {@link Correlation} id: a launch, a teacher's manual award, a claim.
 * The id is in the MDC while the request runs (so its log lines and the events it publishes carry it, and their
 * listeners' lines after it), and in the response header {@value #HEADER}, which error pages show. An id a proxy sent
 * in {@value #HEADER} or {@code X-Request-Id} is kept when it is a plain token of 8 to 64 characters (nothing that
 * could forge a log line); otherwise a fresh one is made.
 */
@Configuration
class RequestCorrelation {

	static final String HEADER = "X-Correlation-Id";

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> requestCorrelationFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String id = incoming(request);
				try (Correlation.Scope scope = Correlation.open(id != null ? id : Correlation.newId())) {
					response.setHeader(HEADER, Correlation.current());
					chain.doFilter(request, response);
				}
			}
		});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	static String incoming(HttpServletRequest request) {
		for (String name : new String[] { HEADER, "X-Request-Id" }) {
			String value = request.getHeader(name);
			if (value != null && PLAIN.matcher(value).matches()) {
				return value;
			}
		}
		return null;
	}
}
