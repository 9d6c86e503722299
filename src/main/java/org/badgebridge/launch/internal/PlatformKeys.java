package org.badgebridge.launch.internal;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Platform public keys, one cached key set per JWKS URL (Nimbus' JWKSourceBuilder: cached for
 * {@code platform-jwks-cache}; a kid not in the cache makes it fetch again, at most once per
 * {@code platform-jwks-min-refetch}).
 */
@Component
class PlatformKeys {

	private final ConcurrentHashMap<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

	private final long cacheMillis;

	private final long minRefetchMillis;

	PlatformKeys(@Value("${badgebridge.lti.platform-jwks-cache}") Duration cache,
			@Value("${badgebridge.lti.platform-jwks-min-refetch}") Duration minRefetch) {
		this.cacheMillis = cache.toMillis();
		this.minRefetchMillis = minRefetch.toMillis();
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
				return JWKSourceBuilder.<SecurityContext>create(URI.create(uri).toURL(),
						new DefaultResourceRetriever(5_000, 5_000, 512 * 1024))
						.cache(cacheMillis, 5_000)
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
}
