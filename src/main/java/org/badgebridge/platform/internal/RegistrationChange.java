package org.badgebridge.platform.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.badgebridge.platform.Deployment;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationValues;

/**
 * New values a platform proposed for a registration by Dynamic Registration: its endpoints, keyset, product and
 * the deployment it announced. Nothing of it is in force until applied.
 */
record RegistrationChange(long registrationId, String productFamily, String authorizationEndpoint, String tokenEndpoint,
		String tokenAudience, String jwksUri, String deploymentId, Instant requestedAt) {

	/** One value side by side: what is in force and what is proposed. */
	/** {@code label} is a message key (bundle {@code i18n/admin}). */
	record Row(String label, String current, String proposed) {

		public boolean changed() {
			return !Objects.equals(current, proposed);
		}
	}

	/**
	 * The registration's values with this change applied: its name, frame origins, state and a token audience an
	 * admin set stay; the announced deployment joins the registered ones (those recorded at launch stay anyway).
	 */
	RegistrationValues appliedTo(Registration r) {
		List<String> deployments = new ArrayList<>(registeredDeployments(r));
		if (deploymentId != null && !deployments.contains(deploymentId)) {
			deployments.add(deploymentId);
		}
		return new RegistrationValues(r.name(), r.issuer(), r.clientId(), productFamily, authorizationEndpoint, tokenEndpoint,
				r.tokenAudience() != null ? r.tokenAudience() : tokenAudience, jwksUri, r.frameOrigins(), deployments, r.state());
	}

	/** What the admin compares before approving. */
	List<Row> rows(Registration r) {
		RegistrationValues after = appliedTo(r);
		return List.of(new Row("admin.platform.family", r.productFamily(), after.productFamily()),
				new Row("admin.platform.auth", r.authorizationEndpoint(), after.authorizationEndpoint()),
				new Row("admin.platform.token", r.tokenEndpoint(), after.tokenEndpoint()),
				new Row("admin.platform.audience", r.tokenAudience(), after.tokenAudience()),
				new Row("admin.platform.jwks", r.jwksUri(), after.jwksUri()),
				new Row("admin.platform.deployments", String.join(" ", registeredDeployments(r)), String.join(" ", after.deploymentIds())));
	}

	private static List<String> registeredDeployments(Registration r) {
		return r.deployments().stream().filter(d -> !d.recordedAtLaunch()).map(Deployment::deploymentId).toList();
	}
}
