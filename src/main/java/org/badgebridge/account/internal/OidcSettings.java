package org.badgebridge.account.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenID Connect providers learners (and admins) may sign in with, none by default:
 * {@code badgebridge.oidc.providers.<id>.issuer}, {@code client-id}, {@code client-secret}, {@code scopes},
 * {@code display-name}; an admin is whoever's ID token holds {@code admin-value} in the claim {@code admin-claim}
 * (no admin sign-in when either is unset).
 */
@ConfigurationProperties("badgebridge.oidc")
record OidcSettings(Map<String, Provider> providers, String adminClaim, String adminValue) {

	OidcSettings {
		providers = providers == null ? Map.of() : Map.copyOf(providers);
	}

	record Provider(String issuer, String clientId, String clientSecret, List<String> scopes, String displayName) {

		Provider {
			scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "email", "profile") : List.copyOf(scopes);
		}

		String name(String id) {
			return displayName == null || displayName.isBlank() ? id : displayName;
		}
	}

	boolean adminSignIn() {
		return adminClaim != null && !adminClaim.isBlank() && adminValue != null && !adminValue.isBlank();
	}
}
