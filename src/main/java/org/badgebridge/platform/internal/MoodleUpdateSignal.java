package org.badgebridge.platform.internal;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import org.badgebridge.platform.Deployment;
import org.badgebridge.platform.Registration;

/**
 * Moodle's own signal that a Dynamic Registration updates a tool it registered before ("update the existing tool",
 * {@code mod/lti/startltiadvregistration.php?type=…}): the registration token is a JWT signed RS256 with the site's
 * LTI key, {@code scope} {@code reg-update} (a new registration says {@code reg}) and {@code sub} the tool's type id,
 * which Moodle's registration answer echoes as {@code deployment_id} ({@code registration_helper::
 * validate_registration_token} and {@code config_to_registration}). Checked against the keyset of the registration
 * in force, never the keyset the new configuration names, so only that platform can sign it.
 */
@Component
class MoodleUpdateSignal {

	private static final Logger log = LoggerFactory.getLogger(MoodleUpdateSignal.class);

	static final String UPDATE_SCOPE = "reg-update";

	private final PlatformHttp http;

	private final Clock clock;

	MoodleUpdateSignal(PlatformHttp http, Clock clock) {
		this.http = http;
		this.clock = clock;
	}

	/**
	 * Whether the token is the platform's signed update of exactly this registration's tool, and the platform's
	 * answer is about that tool (its deployment id).
	 */
	boolean updates(Registration existing, String registrationToken, String answeredDeploymentId) {
		try {
			SignedJWT token = SignedJWT.parse(registrationToken == null ? "" : registrationToken.trim());
			JWTClaimsSet claims = token.getJWTClaimsSet();
			String tool = claims.getSubject();
			Date expires = claims.getExpirationTime();
			if (!JWSAlgorithm.RS256.equals(token.getHeader().getAlgorithm()) || !UPDATE_SCOPE.equals(claims.getClaim("scope"))
					|| tool == null || !tool.equals(answeredDeploymentId) || expires == null
					|| expires.getTime() <= clock.millis() || !registered(existing, tool)) {
				return false;
			}
			return verifies(token, existing);
		}
		catch (ParseException | JOSEException | PlatformHttp.PlatformCallFailed | ClassCastException ex) {
			log.info("Registration token for {} is no update signal: {}", existing.describe(), ex.getMessage());
			return false;
		}
	}

	private static boolean registered(Registration r, String deploymentId) {
		return r.deployments().stream().filter(d -> !d.recordedAtLaunch()).map(Deployment::deploymentId)
				.anyMatch(deploymentId::equals);
	}

	private boolean verifies(SignedJWT token, Registration existing) throws ParseException, JOSEException {
		JWKSet keys = JWKSet.parse(http.getJson(URI.create(existing.jwksUri()), null).json());
		String kid = token.getHeader().getKeyID();
		for (JWK key : keys.getKeys()) {
			if (key instanceof RSAKey rsa && (kid == null || kid.equals(key.getKeyID())) && token.verify(new RSASSAVerifier(rsa))) {
				return true;
			}
		}
		return false;
	}
}
