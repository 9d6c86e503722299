package org.badgebridge.launch.internal;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.badgebridge.infrastructure.OutgoingCalls;
import org.badgebridge.infrastructure.OutgoingHttp;

/**
 * Platform public keys, one cached key set per JWKS URL (Nimbus' JWKSourceBuilder: cached for
 * {@code platform-jwks-cache}; a kid not in the cache makes it fetch again, at most once per
 * {@code platform-jwks-min-refetch}). Fetched through {@link OutgoingHttp}: the platform side's address rules and one
 * deadline over the whole fetch ({@code platform-jwks-deadline}), at most 512 KB.
 */
@Component
class PlatformKeys {

	private final ConcurrentHashMap<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

	private final long cacheMillis;

	private final long minRefetchMillis;

	private final OutgoingHttp http;

	private final ResourceRetriever retriever = this::retrieve;

	PlatformKeys(OutgoingCalls calls, @Value("${badgebridge.lti.platform-jwks-cache}") Duration cache,
			@Value("${badgebridge.lti.platform-jwks-min-refetch}") Duration minRefetch,
			@Value("${badgebridge.lti.platform-jwks-deadline:5s}") Duration deadline) {
		this.cacheMillis = cache.toMillis();
		this.minRefetchMillis = minRefetch.toMillis();
		this.http = calls.toPlatforms(deadline, 512 * 1024, 0);
	}

	/** The RSA keys with this kid (or all RSA signing keys when the token names none). */
	List<JWK> find(String jwksUri, String kid) {
		JWKMatcher.Builder matcher = new JWKMatcher.Builder().keyType(KeyType.RSA);
		if (kid != null) {
			matcher.keyID(kid);
		}
		try {
			return source(jwksUri).get(new JWKSelector(matcher.build()), null);
		}
		catch (KeySourceException ex) {
			throw LaunchRejected.invalid("The platform's public keys could not be read from " + jwksUri + ": "
					+ ex.getMessage());
		}
	}

	private JWKSource<SecurityContext> source(String jwksUri) {
		return sources.computeIfAbsent(jwksUri, uri -> {
			try {
				return JWKSourceBuilder.<SecurityContext>create(URI.create(uri).toURL(), retriever)
						.cache(cacheMillis, http.deadline().toMillis())
						.rateLimited(minRefetchMillis)
						.refreshAheadCache(false)
						.retrying(false)
						.outageTolerant(false)
						.build();
			}
			catch (MalformedURLException | IllegalArgumentException ex) {
				throw LaunchRejected.forbidden("The registration's public keyset URL is not a valid URL: " + uri);
			}
		});
	}

	private Resource retrieve(java.net.URL url) throws IOException {
		try {
			OutgoingHttp.Answer answer = http.get(url.toURI(), Map.of("Accept", "application/json, application/jwk-set+json"));
			if (answer.status() / 100 != 2) {
				throw new IOException("HTTP " + answer.status());
			}
			return new Resource(answer.text(), answer.contentType());
		}
		catch (OutgoingHttp.Failed ex) {
			throw new IOException(ex.getMessage(), ex);
		}
		catch (URISyntaxException ex) {
			throw new IOException("not a valid URL", ex);
		}
	}
}
