package org.badgebridge.launch.internal;

import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;

import org.badgebridge.course.CourseRole;
import org.badgebridge.platform.Registration;

/** An id_token that passed every check, with the values the tool uses. */
record ValidatedLaunch(Registration registration, String deploymentId, String messageType, JWTClaimsSet claims,
		List<String> roles, CourseRole role) {

	boolean isDeepLinking() {
		return LtiClaims.DEEP_LINKING_REQUEST.equals(messageType);
	}

	String subject() {
		return claims.getSubject();
	}

	String string(String claim) {
		Object v = claims.getClaim(claim);
		return v instanceof String s ? s : v == null ? null : v.toString();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> object(String claim) {
		Object v = claims.getClaim(claim);
		return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
	}

	static String string(Map<String, Object> map, String key) {
		Object v = map.get(key);
		return v == null ? null : v.toString();
	}
}
