package org.badgebridge.lms;

import java.text.ParseException;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.stereotype.Service;

import org.badgebridge.lms.internal.LmsHttp;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.ToolKeys;

/**
 * OAuth 2 access tokens for a platform's services: the client_credentials grant with a JWT client assertion
 * signed by the tool's key (RFC 7523), audience per registration, cached per (registration, scopes) until a
 * minute before they expire.
 */
@Service
public class AccessTokens {

	private static final long MARGIN_MILLIS = 60_000;

	private final LmsHttp http;

	private final ToolKeys keys;

	private final Clock clock;

	private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

	private record Cached(String token, long expiresAt) {
	}

	public AccessTokens(LmsHttp http, ToolKeys keys, Clock clock) {
		this.http = http;
		this.keys = keys;
		this.clock = clock;
	}

	public String token(Registration registration, Collection<String> scopes) {
		String key = key(registration, scopes);
		Cached cached = cache.get(key);
		if (cached != null && cached.expiresAt() > clock.millis()) {
			return cached.token();
		}
		Cached fresh = request(registration, scopes);
		cache.put(key, fresh);
		return fresh.token();
	}

	/** Drops a cached token the platform no longer accepts (a 401), so that the next call asks anew. */
	public void forget(Registration registration, Collection<String> scopes) {
		cache.remove(key(registration, scopes));
	}

	private Cached request(Registration registration, Collection<String> scopes) {
		long now = clock.millis();
		String assertion = keys.sign(new JWTClaimsSet.Builder().issuer(registration.clientId()).subject(registration.clientId())
				.audience(registration.effectiveTokenAudience()).issueTime(new Date(now)).expirationTime(new Date(now + 300_000))
				.jwtID(UUID.randomUUID().toString()).build());
		String form = "grant_type=client_credentials"
				+ "&client_assertion_type=" + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
				+ "&client_assertion=" + enc(assertion) + "&scope=" + enc(String.join(" ", new TreeSet<>(scopes)));
		String platform = registration.name();
		LmsHttp.Response response = http.send(platform, "POST", registration.tokenEndpoint(),
				Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"), form, true);
		if (response.status() != 200) {
			throw new LmsCallFailed(platform, "POST", registration.tokenEndpoint(), response.status(),
					"token request refused: " + abbreviate(response.body()));
		}
		try {
			Map<String, Object> json = JSONObjectUtils.parse(response.body());
			Object token = json.get("access_token");
			if (!(token instanceof String s) || s.isBlank()) {
				throw new LmsCallFailed(platform, "POST", registration.tokenEndpoint(), 200, "no access_token in the answer");
			}
			long expiresIn = json.get("expires_in") instanceof Number n ? n.longValue() : 3600;
			return new Cached(s, now + Math.max(0, expiresIn * 1000 - MARGIN_MILLIS));
		}
		catch (ParseException ex) {
			throw new LmsCallFailed(platform, "POST", registration.tokenEndpoint(), 200, "answer is not JSON: " + abbreviate(response.body()));
		}
	}

	private static String key(Registration registration, Collection<String> scopes) {
		return registration.id() + "|" + String.join(" ", new TreeSet<>(scopes));
	}

	static String abbreviate(String s) {
		String one = s == null ? "" : s.replaceAll("\\s+", " ").trim();
		return one.length() > 300 ? one.substring(0, 300) + "…" : one;
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
	}

}
