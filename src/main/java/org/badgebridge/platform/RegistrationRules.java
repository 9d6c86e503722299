package org.badgebridge.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The rules a registration's values must meet before they are stored (each refusal names its field). */
final class RegistrationRules {

	private RegistrationRules() {
	}

	static RegistrationValues validate(RegistrationValues v) {
		String issuer = required("issuer", v.issuer(), 255);
		if (WebAddresses.parse(issuer) == null) {
			throw new InvalidRegistrationException("issuer", "The issuer must be an absolute URL such as https://moodle.example.edu",
					"admin.error.registration.issuer");
		}
		String clientId = required("clientId", v.clientId(), 255);
		String auth = endpoint("authorizationEndpoint", v.authorizationEndpoint());
		String token = endpoint("tokenEndpoint", v.tokenEndpoint());
		String jwks = endpoint("jwksUri", v.jwksUri());
		String audience = blankToNull(v.tokenAudience());
		String frameOrigins = blankToNull(v.frameOrigins());
		if (frameOrigins != null) {
			for (String origin : frameOrigins.split("\\s+")) {
				if (!origin.matches("https?://[A-Za-z0-9.*\\-\\[\\]:]+")) {
					throw new InvalidRegistrationException("frameOrigins",
							"Frame origins are origins such as https://school.instructure.com, separated by spaces: " + origin,
							"admin.error.registration.frameOrigins", origin);
				}
			}
		}
		List<String> deployments = new ArrayList<>();
		for (String d : v.deploymentIds() == null ? List.<String>of() : v.deploymentIds()) {
			if (d == null || d.isBlank()) {
				continue;
			}
			String id = d.trim();
			if (id.length() > 255 || !id.chars().allMatch(c -> c >= 0x21 && c < 0x7f)) {
				throw new InvalidRegistrationException("deploymentIds", "A deployment id is at most 255 printable ASCII characters: " + id,
						"admin.error.registration.deployment", id);
			}
			if (!deployments.contains(id)) {
				deployments.add(id);
			}
		}
		String name = blankToNull(v.name()) == null ? issuer : v.name().trim();
		String family = blankToNull(v.productFamily());
		return new RegistrationValues(name.length() > 255 ? name.substring(0, 255) : name, issuer, clientId,
				family == null ? null : family.toLowerCase(java.util.Locale.ROOT), auth, token, audience, jwks, frameOrigins,
				deployments, v.state());
	}

	private static String endpoint(String field, String value) {
		String url = required(field, value, 1024);
		URI uri = WebAddresses.parse(url);
		if (uri == null) {
			throw new InvalidRegistrationException(field, "Not an absolute URL: " + url, "admin.error.registration.url", url);
		}
		if (!WebAddresses.isSecureOrLoopback(uri)) {
			throw new InvalidRegistrationException(field, "Must use https (plain http only on a loopback address): " + url,
					"admin.error.registration.https", url);
		}
		return url;
	}

	private static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidRegistrationException(field, field + " is required", "admin.error.registration.required", field);
		}
		String v = value.trim();
		if (v.length() > max) {
			throw new InvalidRegistrationException(field, field + " is longer than " + max + " characters",
					"admin.error.registration.length", field, max);
		}
		return v;
	}

	private static String blankToNull(String v) {
		return v == null || v.isBlank() ? null : v.trim();
	}
}
