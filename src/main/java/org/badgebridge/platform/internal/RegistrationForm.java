package org.badgebridge.platform.internal;

import java.util.Arrays;
import java.util.List;

import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;

/** The admin form for a registration; deployment ids are one per line. */
record RegistrationForm(String name, String issuer, String clientId, String productFamily, String authorizationEndpoint,
		String tokenEndpoint, String tokenAudience, String jwksUri, String frameOrigins, String deploymentIds,
		String state) {

	static RegistrationForm empty() {
		return new RegistrationForm("", "", "", "moodle", "", "", "", "", "", "", "ACTIVE");
	}

	static RegistrationForm of(Registration r) {
		return new RegistrationForm(r.name(), r.issuer(), r.clientId(), r.productFamily(), r.authorizationEndpoint(),
				r.tokenEndpoint(), r.tokenAudience(), r.jwksUri(), r.frameOrigins(),
				String.join("\n", r.deployments().stream().filter(d -> !d.recordedAtLaunch()).map(d -> d.deploymentId()).toList()),
				r.state().name());
	}

	RegistrationValues values() {
		List<String> deployments = deploymentIds == null ? List.of()
				: Arrays.stream(deploymentIds.split("[\\r\\n,]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		return new RegistrationValues(name, issuer, clientId, productFamily, authorizationEndpoint, tokenEndpoint,
				tokenAudience, jwksUri, frameOrigins, deployments,
				state == null || state.isBlank() ? null : RegistrationState.parse(state));
	}
}
