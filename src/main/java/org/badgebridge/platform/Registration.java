package org.badgebridge.platform;

import java.time.Instant;
import java.util.List;

/**
 * The tool's registration with one LMS client: who the platform is (issuer), which client it gave us and
 * where its endpoints are. Unique per (issuer, clientId); one issuer may have several clients.
 */
public record Registration(long id, String issuer, String clientId, String name, String productFamily,
		String authorizationEndpoint, String tokenEndpoint, String tokenAudience, String jwksUri, String frameOrigins,
		RegistrationState state, boolean acceptNewDeployments, String createdBy, Instant createdAt, Instant updatedAt,
		List<Deployment> deployments) {

	public boolean isActive() {
		return state == RegistrationState.ACTIVE;
	}

	/** The audience of our client assertions: the declared token audience, else the token endpoint. */
	public String effectiveTokenAudience() {
		return tokenAudience == null || tokenAudience.isBlank() ? tokenEndpoint : tokenAudience;
	}

	public String describe() {
		return "issuer " + issuer + " and client " + clientId;
	}
}
