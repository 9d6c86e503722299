package org.badgebridge.platform;

import java.net.URI;
import java.util.Locale;

import org.badgebridge.infrastructure.AddressRules;

/** Rules for the addresses of platforms and of the tool itself. */
public final class WebAddresses {

	private WebAddresses() {
	}

	/** Loopback by name or literal, without a DNS lookup. */
	public static boolean isLoopbackHost(String host) {
		return AddressRules.isLoopbackName(host);
	}

	/** https anywhere, http only on a loopback host. */
	public static boolean isSecureOrLoopback(URI uri) {
		if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
			return false;
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		return scheme.equals("https") || (scheme.equals("http") && isLoopbackHost(uri.getHost()));
	}

	/** scheme://host[:port] of a URL. */
	public static String origin(URI uri) {
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
		return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
	}

	public static URI parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(value.trim());
			return uri.isAbsolute() && uri.getHost() != null ? uri : null;
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}
}
