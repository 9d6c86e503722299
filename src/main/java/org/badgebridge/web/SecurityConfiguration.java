package org.badgebridge.web;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what. Admin pages and API need the admin credentials (HTTP Basic; failed sign-ins are throttled
 * per address and per user name by {@link AdminSignInThrottle}) or a session of an {@link AdminSignIns}
 * (the sign-in form's, {@link AdminFormSessions}, or an admin signed in through an OpenID Connect provider); a browser
 * asking for an admin page without them is sent to the sign-in form ({@link AdminSignInEntryPoint}). Everything the LMS
 * reaches is public but guarded by LTI itself. CSRF stays on for the tool's own forms (token in a
 * partitioned cookie, so it works inside the LMS iframe) and is off only where the LMS posts across sites:
 * the login initiation, the launch and its platform-storage confirmation. LTI pages may be framed by the
 * registered platforms ({@code frame-ancestors}); every other page refuses framing. Every page gets a
 * Content-Security-Policy that runs no inline code ({@link ContentSecurityPolicy}).
 */
@Configuration
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	private static final String REALM = "BadgeBridge admin";

	/** One count of failed sign-ins for the admin pages and the actuator alike. */
	private final AdminSignInThrottle signInThrottle;

	SecurityConfiguration(AdminSignInAttempts attempts) {
		this.signInThrottle = new AdminSignInThrottle(attempts);
	}

	/**
	 * The sign-in form ({@code /admin/sign-in}): open to anyone, with CSRF, no HTTP Basic (a wrong Basic header must not
	 * answer 401 here), never framed.
	 */
	@Bean
	@Order(9)
	SecurityFilterChain adminSignInForm(HttpSecurity http) throws Exception {
		http.securityMatcher(AdminSignInController.PAGE)
				.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
				.requestCache(c -> c.disable())
				.headers(h -> h.frameOptions(f -> f.deny())
						.contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.page("'self'", "'none'"))));
		return http.build();
	}

	@Bean
	@Order(10)
	SecurityFilterChain admin(HttpSecurity http, org.springframework.beans.factory.ObjectProvider<AdminSignIns> signIns)
			throws Exception {
		adminSignIn(http.securityMatcher("/admin/**", "/api/admin/**"), signIns)
				.authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
				// a browser's page request without credentials goes to the sign-in form; the rest keeps 401 + Basic
				.exceptionHandling(e -> e.authenticationEntryPoint(new AdminSignInEntryPoint(REALM)))
				// the JSON API is for scripts with Basic credentials; it takes only application/json, which no
				// cross-site form can send
				.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
						.ignoringRequestMatchers("/api/admin/**"))
				.headers(h -> h.frameOptions(f -> f.deny())
						.contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.page("'self'", "'none'"))));
		return http.build();
	}

	/**
	 * The actuator: {@code /actuator/health} and its probes (liveness, readiness) for anyone, status only; every other
	 * endpoint (info, metrics, prometheus) for admins, or for anyone who reaches the separate management port
	 * ({@code management.server.port}, meant to be reachable from the monitoring network only).
	 */
	@Bean
	@Order(5)
	SecurityFilterChain actuator(HttpSecurity http, org.springframework.beans.factory.ObjectProvider<AdminSignIns> signIns,
			org.springframework.core.env.Environment environment) throws Exception {
		adminSignIn(http.securityMatcher("/actuator/**"), signIns)
				.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/liveness",
								"/actuator/health/readiness").permitAll()
						// the management server's own port as it started (also when configured as 0, a free port); without
						// one, Spring Boot makes local.management.port an alias of the application's port: not a monitoring port
						.requestMatchers(request -> onSeparateManagementPort(request, environment)).permitAll()
						.anyRequest().hasRole("ADMIN"))
				.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
				.requestCache(c -> c.disable())
				.headers(h -> h.frameOptions(f -> f.deny())
						.contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.page("'self'", "'none'"))));
		return http.build();
	}

	@Bean
	@Order(100)
	SecurityFilterChain application(HttpSecurity http, FrameSources frameAncestors) throws Exception {
		http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
						// the LMS's cross-site posts (guarded by LTI) and the OpenID4VCI endpoints wallets call (no cookies:
						// a pre-authorized code, a Bearer token or nothing secret)
						.ignoringRequestMatchers("/lti/login", "/lti/launch", "/lti/launch/confirm", "/lti/register",
								"/oid4vci/token", "/oid4vci/nonce", "/oid4vci/credential"))
				.headers(h -> h.frameOptions(f -> f.disable()).addHeaderWriter(ContentSecurityPolicy.writer(frameAncestors)))
				.requestCache(c -> c.disable());
		return http.build();
	}

	static boolean onSeparateManagementPort(jakarta.servlet.http.HttpServletRequest request,
			org.springframework.core.env.Environment environment) {
		Integer management = environment.getProperty("local.management.port", Integer.class);
		Integer server = environment.getProperty("local.server.port", Integer.class);
		return management != null && !management.equals(server) && management == request.getLocalPort();
	}

	/** The admin's sign-in (throttled HTTP Basic or an OpenID Connect admin session), stateless. */
	private HttpSecurity adminSignIn(HttpSecurity http, org.springframework.beans.factory.ObjectProvider<AdminSignIns> signIns)
			throws Exception {
		return http.addFilterBefore(signInThrottle, BasicAuthenticationFilter.class)
				.addFilterBefore(new AdminSessionFilter(signIns.orderedStream().toList()), BasicAuthenticationFilter.class)
				.httpBasic(basic -> basic.realmName(REALM))
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
	}

	/** Tells the page policy where a page's form may go outside the tool ({@link ContentSecurityPolicy#FORM_TARGET}). */
	@Bean
	WebMvcConfigurer contentSecurityFormTargets() {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(ContentSecurityPolicy.formTargets());
			}
		};
	}

	private static PartitionedCookieCsrfTokens csrfTokens() {
		return new PartitionedCookieCsrfTokens();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** A framed block that stands out in the start-up log: the generated admin credentials, shown once. */
	static String banner(String user, String password) {
		java.util.List<String> lines = java.util.List.of("BadgeBridge admin pages: http(s)://<this server>/admin",
				"user:     " + user, "password: " + password, "",
				"Generated for this start only (embedded default); it changes at every restart.",
				"Set BADGEBRIDGE_ADMIN_PASSWORD to choose one.");
		int width = lines.stream().mapToInt(String::length).max().orElse(0);
		String rule = "#".repeat(width + 6);
		StringBuilder b = new StringBuilder("\n\n").append(rule).append('\n');
		for (String l : lines) {
			b.append("##  ").append(l).append(" ".repeat(width - l.length())).append("  ##\n");
		}
		return b.append(rule).append("\n").toString();
	}

	@Bean
	UserDetailsService adminUser(@Value("${badgebridge.admin.user}") String user,
			@Value("${badgebridge.admin.password:}") String password, @Value("${spring.datasource.url:}") String datasource,
			PasswordEncoder encoder) {
		String effective = password;
		if (effective == null || effective.isBlank()) {
			if (!datasource.startsWith("jdbc:h2:")) {
				throw new IllegalStateException("Set BADGEBRIDGE_ADMIN_PASSWORD: only the embedded default generates an admin password.");
			}
			byte[] bytes = new byte[18];
			new SecureRandom().nextBytes(bytes);
			effective = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			log.warn(banner(user, effective));
		}
		return new InMemoryUserDetailsManager(User.withUsername(user).password(encoder.encode(effective)).roles("ADMIN").build());
	}

}
