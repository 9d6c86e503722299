package org.badgebridge.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates an admin request by an {@link AdminSignIns} session (for this request only; nothing is stored). */
final class AdminSessionFilter extends OncePerRequestFilter {

	private final List<AdminSignIns> signIns;

	AdminSessionFilter(List<AdminSignIns> signIns) {
		this.signIns = signIns;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SecurityContextHolder.getContext().getAuthentication() == null) {
			signIns.stream().map(s -> s.adminName(request)).flatMap(java.util.Optional::stream).findFirst()
					.ifPresent(name -> SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
							.authenticated(name, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
		}
		chain.doFilter(request, response);
	}
}
