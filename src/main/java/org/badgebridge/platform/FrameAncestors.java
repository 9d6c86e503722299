package org.badgebridge.platform;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The origins allowed to frame the tool's LTI pages: those of active registrations (issuer, authorization
 * endpoint and any extra frame origins an admin set, e.g. a Canvas institution's domain). Cached until a
 * registration changes.
 */
@Component
public class FrameAncestors implements org.badgebridge.web.FrameSources {

	private volatile Registrations registrations;

	private volatile String cached;

	void bind(Registrations registrations) {
		this.registrations = registrations;
	}

	void invalidate() {
		cached = null;
	}

	/** The source list for a CSP {@code frame-ancestors} directive, starting with 'self'. */
	@Override
	public String sources() {
		String value = cached;
		if (value == null) {
			Set<String> origins = new LinkedHashSet<>();
			origins.add("'self'");
			for (Registration r : registrations.all()) {
				if (!r.isActive()) {
					continue;
				}
				addOrigin(origins, r.issuer());
				addOrigin(origins, r.authorizationEndpoint());
				if ("canvas".equals(r.productFamily())) {
					origins.add("https://*.instructure.com");
				}
				if (r.frameOrigins() != null) {
					origins.addAll(java.util.Arrays.asList(r.frameOrigins().split("\\s+")));
				}
			}
			value = String.join(" ", origins);
			cached = value;
		}
		return value;
	}

	private static void addOrigin(Set<String> origins, String url) {
		URI uri = WebAddresses.parse(url);
		if (uri != null) {
			origins.add(WebAddresses.origin(uri));
		}
	}
}
