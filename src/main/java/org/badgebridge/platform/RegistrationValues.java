package org.badgebridge.platform;

/**
 * What an admin (or Dynamic Registration) supplies to create or change a registration. Validated by
 * {@link Registrations}; a bad value is refused with a message that names the field.
 */
public record RegistrationValues(String name, String issuer, String clientId, String productFamily,
		String authorizationEndpoint, String tokenEndpoint, String tokenAudience, String jwksUri, String frameOrigins,
		java.util.List<String> deploymentIds, RegistrationState state) {
}
