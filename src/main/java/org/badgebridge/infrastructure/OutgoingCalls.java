package org.badgebridge.infrastructure;

import java.net.URI;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link OutgoingHttp} clients of the modules, with the address rules of their side. Calls to platforms
 * (registration, platform keys, token, AGS, NRPS) reach public addresses, the hosts in
 * {@code badgebridge.lti.allowed-hosts} and, only while the tool's own public URL is on loopback (development),
 * loopback. Calls to the rest of the web (the verifier's fetches) reach public addresses and the hosts their caller
 * allows.
 */
@Component
public class OutgoingCalls {

	private final AddressRules platformRules;

	public OutgoingCalls(@Value("${badgebridge.public-url}") String publicUrl,
			@Value("${badgebridge.lti.allowed-hosts:}") String platformHosts) {
		String host;
		try {
			host = URI.create(publicUrl.trim()).getHost();
		}
		catch (IllegalArgumentException ex) {
			host = null;
		}
		this.platformRules = AddressRules.publicOrLoopback(platformHosts, AddressRules.isLoopbackName(host));
	}

	/** The address rules for everything that belongs to a platform. */
	public AddressRules platformRules() {
		return platformRules;
	}

	public OutgoingHttp toPlatforms(Duration deadline, int maxBytes, int maxRedirects) {
		return new OutgoingHttp(platformRules, deadline, maxBytes, maxRedirects);
	}

	/** Public addresses and the hosts listed (comma separated). */
	public OutgoingHttp toPublicWeb(String allowedHosts, Duration deadline, int maxBytes, int maxRedirects) {
		return new OutgoingHttp(AddressRules.publicOnly(allowedHosts), deadline, maxBytes, maxRedirects);
	}
}
