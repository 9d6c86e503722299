package testoidcprovider;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * (Outside org.badgebridge so that neither the application's component scan nor @SpringBootTest finds it.)
 * A real OpenID Connect provider for the tests: Spring Authorization Server on a free loopback port, one registered
 * client (code flow, PKCE required, client secret basic) and two users signing in with a login form: {@code ada}
 * (verified address, institution, in the admins' group) and {@code bob} (unverified address, no group), {@code dan} (verified address).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestOidcProvider {

	public static final String CLIENT_ID = "badgebridge";

	public static final String CLIENT_SECRET = "s3cret-for-tests";

	public static final String REDIRECT = "http://localhost/backpack/sign-in/oidc-callback";

	public static final String PASSWORD = "password";

	static final Map<String, Map<String, Object>> CLAIMS = Map.of(
			"ada", Map.of("email", "Ada@Example.EDU", "email_verified", true, "schac_home_organization", "example.edu",
					"given_name", "Ada", "family_name", "Lovelace", "groups", List.of("staff", "badgebridge-admins")),
			"bob", Map.of("email", "bob@example.edu", "email_verified", false, "groups", List.of("students")),
			"dan", Map.of("email", "dan@example.edu", "email_verified", true));

	private static ConfigurableApplicationContext context;

	private static int port;

	/** Starts the provider once for the test run; returns its issuer. */
	public static synchronized String issuer() {
		if (context == null) {
			port = org.badgebridge.support.FreePort.find();
			context = new SpringApplicationBuilder(TestOidcProvider.class).web(WebApplicationType.SERVLET)
					.properties("spring.config.name=oidc-test-provider", "server.port=" + port, "server.address=127.0.0.1",
							"spring.flyway.enabled=false", "spring.main.banner-mode=off", "spring.jmx.enabled=false",
							"spring.modulith.events.enabled=false", "spring.quartz.auto-startup=false",
							"spring.datasource.url=jdbc:h2:mem:oidcprovider;DB_CLOSE_DELAY=-1")
					.run();
		}
		return "http://127.0.0.1:" + port;
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer(as -> {
			http.securityMatcher(as.getEndpointsMatcher());
			as.oidc(Customizer.withDefaults());
		})
				.authorizeHttpRequests(a -> a.anyRequest().authenticated())
				.exceptionHandling(e -> e.authenticationEntryPoint(
						new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain login(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("ada").password("{noop}" + PASSWORD).roles("USER").build(),
				User.withUsername("bob").password("{noop}" + PASSWORD).roles("USER").build(),
				User.withUsername("dan").password("{noop}" + PASSWORD).roles("USER").build());
	}

	@Bean
	RegisteredClientRepository clients() {
		return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(CLIENT_ID)
				.clientSecret("{noop}" + CLIENT_SECRET).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri(REDIRECT)
				.scope(OidcScopes.OPENID).scope(OidcScopes.EMAIL).scope(OidcScopes.PROFILE)
				.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
				.build());
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
		return context -> {
			if ("id_token".equals(context.getTokenType().getValue())) {
				CLAIMS.getOrDefault(context.getPrincipal().getName(), Map.of()).forEach(context.getClaims()::claim);
			}
		};
	}

	@Bean
	JWKSource<SecurityContext> keys() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString()).build();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
		return org.springframework.security.oauth2.jwt.NimbusJwtDecoder.withJwkSource(keys).build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings() {
		return AuthorizationServerSettings.builder().build();
	}
}
