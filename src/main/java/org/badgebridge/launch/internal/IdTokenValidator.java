package org.badgebridge.launch.internal;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.badgebridge.course.CourseRole;
import org.badgebridge.platform.DeploymentCheck;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.Registrations;

/**
 * Every check of the 1EdTech Security Framework 1.0 and LTI Core 1.3 on a launch's id_token, in the order
 * the specification gives, each failing with a message an LMS admin can act on.
 */
@Component
class IdTokenValidator {

	static final int MAX_TOKEN_LENGTH = 32 * 1024;

	private final PlatformKeys platformKeys;

	private final Registrations registrations;

	private final Clock clock;

	private final long skewMillis;

	IdTokenValidator(PlatformKeys platformKeys, Registrations registrations, Clock clock,
			@Value("${badgebridge.lti.clock-skew}") Duration skew) {
		this.platformKeys = platformKeys;
		this.registrations = registrations;
		this.clock = clock;
		this.skewMillis = skew.toMillis();
	}

	/** Parses the token before anything else, so that garbage is a 400 whatever the state. */
	static JWT parse(String idToken) {
		if (idToken == null || idToken.isBlank()) {
			throw LaunchRejected.malformed("The launch has no id_token. The platform must POST id_token and state to this URL.");
		}
		if (idToken.length() > MAX_TOKEN_LENGTH) {
			throw LaunchRejected.malformed("The id_token is larger than " + MAX_TOKEN_LENGTH / 1024 + " KB.");
		}
		try {
			return JWTParser.parse(idToken.trim());
		}
		catch (ParseException ex) {
			throw LaunchRejected.malformed("The id_token is not a JWT (" + ex.getMessage() + ").");
		}
	}

	ValidatedLaunch validate(JWT jwt, Registration registration, String expectedNonce) {
		if (jwt instanceof PlainJWT) {
			throw LaunchRejected.invalid("The id_token is not signed (alg none). Launches must be signed with RS256.");
		}
		if (!(jwt instanceof SignedJWT signed)) {
			throw LaunchRejected.invalid("The id_token is encrypted; the tool accepts RS256-signed id_tokens only.");
		}
		verifySignature(signed, registration);
		JWTClaimsSet claims;
		try {
			claims = signed.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw LaunchRejected.malformed("The id_token's claims are not a JSON object.");
		}
		checkStandardClaims(claims, registration, expectedNonce);
		return checkLtiClaims(claims, registration);
	}

	/** The LTI checks again for a launch validated before and kept while platform storage confirms its state. */
	ValidatedLaunch revalidated(JWTClaimsSet claims, Registration registration) {
		return checkLtiClaims(claims, registration);
	}

	private void verifySignature(SignedJWT jwt, Registration registration) {
		JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
		if (!JWSAlgorithm.RS256.equals(alg)) {
			throw LaunchRejected.invalid("The id_token is signed with " + alg + "; LTI 1.3 requires RS256.");
		}
		String kid = jwt.getHeader().getKeyID();
		List<JWK> keys = platformKeys.find(registration.jwksUri(), kid);
		if (keys.isEmpty()) {
			throw LaunchRejected.invalid("The platform's keyset " + registration.jwksUri() + " has no RSA key"
					+ (kid == null ? "" : " with kid " + kid) + ". Check the registration's public keyset URL.");
		}
		for (JWK key : keys) {
			try {
				if (jwt.verify(new RSASSAVerifier((RSAKey) key))) {
					return;
				}
			}
			catch (JOSEException ex) {
				// an unusable key (e.g. too short): try the next one
			}
		}
		throw LaunchRejected.invalid("The id_token's signature does not verify with the platform's key"
				+ (kid == null ? "" : " " + kid) + ".").keyed("common.launch.refused.signature");
	}

	private void checkStandardClaims(JWTClaimsSet claims, Registration registration, String expectedNonce) {
		if (!registration.issuer().equals(claims.getIssuer())) {
			throw LaunchRejected.invalid("The id_token's issuer " + claims.getIssuer() + " is not the issuer that started the login ("
					+ registration.issuer() + ").");
		}
		List<String> audience = claims.getAudience();
		if (audience == null || !audience.contains(registration.clientId())) {
			throw LaunchRejected.invalid("The id_token's audience " + audience + " does not include this tool's client id "
					+ registration.clientId() + ".");
		}
		Object azp = claims.getClaim("azp");
		if (audience.size() > 1 && azp == null) {
			throw LaunchRejected.invalid("The id_token has several audiences but no azp claim.");
		}
		if (azp != null && !registration.clientId().equals(azp.toString())) {
			throw LaunchRejected.invalid("The id_token's authorized party (azp) " + azp + " is not this tool's client id "
					+ registration.clientId() + ".");
		}
		long now = clock.millis();
		Date exp = claims.getExpirationTime();
		if (exp == null) {
			throw LaunchRejected.invalid("The id_token has no expiry (exp).");
		}
		if (exp.getTime() + skewMillis < now) {
			throw LaunchRejected.invalid("The id_token expired at " + exp.toInstant() + ". Check that the clocks of the LMS "
					+ "and the tool are right (NTP); Moodle's id_tokens live only 60 seconds.").keyed("common.launch.refused.expired");
		}
		Date iat = claims.getIssueTime();
		if (iat == null) {
			throw LaunchRejected.invalid("The id_token has no issue time (iat).");
		}
		if (iat.getTime() - skewMillis > now) {
			throw LaunchRejected.invalid("The id_token was issued in the future (" + iat.toInstant()
					+ "). Check that the clocks of the LMS and the tool are right.").keyed("common.launch.refused.clock");
		}
		Object nonce = claims.getClaim("nonce");
		if (nonce == null || !expectedNonce.equals(nonce.toString())) {
			throw LaunchRejected.invalid("The id_token's nonce is not the one this login sent.").keyed("common.launch.refused.nonce");
		}
	}

	private ValidatedLaunch checkLtiClaims(JWTClaimsSet claims, Registration registration) {
		Object version = claims.getClaim(LtiClaims.VERSION);
		if (!"1.3.0".equals(version)) {
			throw LaunchRejected.malformed("The launch's LTI version is " + version + "; this tool speaks LTI 1.3.0.");
		}
		Object messageType = claims.getClaim(LtiClaims.MESSAGE_TYPE);
		if (messageType == null) {
			throw LaunchRejected.malformed("The launch has no message_type claim.");
		}
		if (!LtiClaims.RESOURCE_LINK_REQUEST.equals(messageType) && !LtiClaims.DEEP_LINKING_REQUEST.equals(messageType)) {
			throw LaunchRejected.malformed("The message type " + messageType
					+ " is not supported; BadgeBridge handles LtiResourceLinkRequest and LtiDeepLinkingRequest.");
		}
		Object deployment = claims.getClaim(LtiClaims.DEPLOYMENT_ID);
		if (!(deployment instanceof String deploymentId) || deploymentId.isBlank() || deploymentId.length() > 255) {
			throw LaunchRejected.malformed("The launch has no valid deployment_id claim.");
		}
		String subject = claims.getSubject();
		if (subject == null || subject.isBlank()) {
			throw LaunchRejected.malformed("The launch has no subject (sub): BadgeBridge needs to know who the user is; "
					+ "anonymous launches are not supported.");
		}
		Object rolesClaim = claims.getClaim(LtiClaims.ROLES);
		if (!(rolesClaim instanceof List<?> roleList)) {
			throw LaunchRejected.malformed("The launch has no roles claim (an array, possibly empty).");
		}
		List<String> roles = new ArrayList<>();
		roleList.forEach(r -> roles.add(String.valueOf(r)));
		CourseRole role = CourseRole.of(roles);
		if (LtiClaims.RESOURCE_LINK_REQUEST.equals(messageType)) {
			Object link = claims.getClaim(LtiClaims.RESOURCE_LINK);
			if (!(link instanceof Map<?, ?> map) || map.get("id") == null || map.get("id").toString().isBlank()) {
				throw LaunchRejected.malformed("The resource link launch has no resource_link claim with an id.");
			}
		}
		else {
			Object settings = claims.getClaim(LtiClaims.DL_SETTINGS);
			if (!(settings instanceof Map<?, ?> map) || map.get("deep_link_return_url") == null) {
				throw LaunchRejected.malformed("The deep linking request has no deep_linking_settings with a deep_link_return_url.");
			}
		}
		DeploymentCheck check = registrations.checkDeployment(registration, deploymentId);
		if (check == DeploymentCheck.DISABLED) {
			throw LaunchRejected.forbidden("Deployment " + deploymentId + " of " + registration.describe()
					+ " is disabled in BadgeBridge. An admin can enable it on the registration's page.")
					.keyed("common.launch.refused.deploymentDisabled", deploymentId);
		}
		if (check == DeploymentCheck.UNKNOWN) {
			throw LaunchRejected.forbidden("This tool does not know deployment " + deploymentId + " of "
					+ registration.describe() + ". An admin can add it to the registration.")
					.keyed("common.launch.refused.deploymentUnknown", deploymentId);
		}
		if (LtiClaims.DEEP_LINKING_REQUEST.equals(messageType) && role != CourseRole.TEACHER) {
			throw LaunchRejected.forbidden("Only teachers can add BadgeBridge to a course (deep linking needs the Instructor role).")
					.keyed("common.launch.refused.deepLinkingTeachers");
		}
		return new ValidatedLaunch(registration, deploymentId, (String) messageType, claims, roles, role);
	}
}
