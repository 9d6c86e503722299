package org.badgebridge.platform;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The origins allowed to frame the tool's LTI pages: those of active registrations (issuer, authorization
 * endpoint and any extra frame origins an admin set, e.g. a Canvas institution's domain). Cached until a
 * registration changes. A registration that is not active frames nothing, except the one page that tells its
 * LMS why the tool does not open ({@link #sourcesAlso(Registration)}).
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
				if (r.isActive()) {
					addOrigins(origins, r);
				}
			}
			value = String.join(" ", origins);
			cached = value;
		}
		return value;
	}

	/**
	 * {@link #sources()} plus the origins of one more registration, whatever its state, computed as for an
	 * active one. Only for a response about that registration (e.g. "waiting for approval" shown in its LMS's
	 * frame): never for the tool's pages in general, or any site that ran a Dynamic Registration could frame them.
	 */
	public String sourcesAlso(Registration registration) {
		Set<String> origins = new LinkedHashSet<>(Arrays.asList(sources().split(" ")));
		addOrigins(origins, registration);
		return String.join(" ", origins);
	}

	private static void addOrigins(Set<String> origins, Registration r) {
		addOrigin(origins, r.issuer());
		addOrigin(origins, r.authorizationEndpoint());
		if ("canvas".equals(r.productFamily())) {
			origins.add("https://*.instructure.com");
		}
		if (r.frameOrigins() != null) {
			origins.addAll(Arrays.asList(r.frameOrigins().split("\\s+")));
		}
	}

	private static void addOrigin(Set<String> origins, String url) {
		URI uri = WebAddresses.parse(url);
		if (uri != null) {
			origins.add(WebAddresses.origin(uri));
		}
	}
}
