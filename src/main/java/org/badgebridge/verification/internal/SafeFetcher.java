package org.badgebridge.verification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches a document a visitor pointed us to, without letting them use the tool to reach what they could not
 * (server-side request forgery): http(s) only, no address on a loopback, private, link-local, shared or
 * multicast network unless an admin allowed that host ({@code badgebridge.verify.allowed-hosts}), every
 * redirect checked again (at most 3), 3 s to connect, 5 s in all, at most 1 MB read.
 * <p>
 * The addresses are checked right before the request; the JVM caches the lookup (30 s by default), so the
 * request goes to the address checked.
 */
@Component
class SafeFetcher {

	public static final int MAX_BYTES = 1 << 20;

	/** Why a URL was not fetched, or what went wrong fetching it, in words for the visitor. */
	public static class Refused extends Exception {

		public Refused(String message) {
			super(message);
		}
	}

	public record Fetched(URI url, int status, String contentType, String body) {
	}

	private final Set<String> allowedHosts;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
			.followRedirects(HttpClient.Redirect.NEVER).build();

	public SafeFetcher(@Value("${badgebridge.verify.allowed-hosts:}") String allowedHosts) {
		this.allowedHosts = Arrays.stream(allowedHosts.split(",")).map(String::trim).filter(h -> !h.isEmpty())
				.map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
	}

	public Fetched get(URI url) throws Refused {
		URI current = url;
		for (int hop = 0; hop <= 3; hop++) {
			check(current);
			HttpResponse<InputStream> response;
			try {
				response = client.send(HttpRequest.newBuilder(current).timeout(Duration.ofSeconds(5))
						.header("Accept", "application/ld+json, application/json;q=0.9, application/vc, text/plain;q=0.5")
						.header("User-Agent", "BadgeBridge-verifier").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
			}
			catch (IOException ex) {
				throw new Refused("Could not fetch " + current + ": " + (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new Refused("Interrupted while fetching " + current);
			}
			int status = response.statusCode();
			if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
				close(response);
				current = current.resolve(response.headers().firstValue("Location").get());
				continue;
			}
			String body = read(response, current);
			return new Fetched(current, status, response.headers().firstValue("Content-Type").orElse(""), body);
		}
		throw new Refused("Too many redirects from " + url);
	}

	/** Refuses URLs that are not http(s) or whose host resolves to an address on a network not for the public. */
	public void check(URI url) throws Refused {
		String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw new Refused("Only http(s) addresses can be checked, not " + (scheme.isEmpty() ? "this" : scheme + ":") + ".");
		}
		String host = url.getHost();
		if (host == null || host.isEmpty() || url.getUserInfo() != null) {
			throw new Refused("The address " + url + " has no usable host.");
		}
		if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
			return;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new Refused("The host " + host + " does not exist.");
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				throw new Refused("The address " + url + " points into a private or local network (" + address.getHostAddress()
						+ "), which this tool does not fetch from. An admin can allow the host.");
			}
		}
	}

	static boolean isPublic(InetAddress a) {
		if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
				|| a.isMulticastAddress()) {
			return false;
		}
		byte[] b = a.getAddress();
		if (a instanceof Inet4Address) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			return first != 0 && !(first == 100 && second >= 64 && second < 128) // shared address space (CGNAT)
					&& !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && first < 224; // IETF protocol, reserved
		}
		if (a instanceof Inet6Address) {
			if ((b[0] & 0xfe) == 0xfc) {
				return false; // unique local fc00::/7
			}
			boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
			for (int i = 0; i < 10; i++) {
				mapped &= b[i] == 0;
			}
			if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
				try {
					return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
		}
		return true;
	}

	private static String read(HttpResponse<InputStream> response, URI url) throws Refused {
		try (InputStream in = response.body()) {
			byte[] bytes = in.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw new Refused("The document at " + url + " is larger than 1 MB: not read.");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new Refused("Could not read " + url + ": " + ex.getMessage());
		}
	}

	private static void close(HttpResponse<InputStream> response) {
		try {
			response.body().close();
		}
		catch (IOException ignored) {
			// nothing to do
		}
	}
}
