package org.badgebridge.infrastructure;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which addresses an outgoing call may reach (server-side request forgery rules): http(s) only, no user info, and no
 * host that resolves to a loopback, unspecified, private, link-local, shared (CGNAT), benchmarking (198.18.0.0/15),
 * reserved, multicast or unique-local address, including IPv4 addresses carried inside IPv6 ones (IPv4-mapped,
 * IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4), unless the host is one an admin allowed. Loopback alone can be
 * allowed as a whole: for the platform side when the tool itself runs on loopback (development).
 * <p>
 * Addresses are checked right before each request; the JVM caches the lookup (30 s by default), so the request goes
 * to the address checked.
 */
public final class AddressRules {

	private final Set<String> allowedHosts;

	private final boolean loopbackAllowed;

	private AddressRules(Collection<String> allowedHosts, boolean loopbackAllowed) {
		this.allowedHosts = allowedHosts.stream().map(String::trim).filter(h -> !h.isEmpty())
				.map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
		this.loopbackAllowed = loopbackAllowed;
	}

	/** Public addresses only, plus the hosts listed (comma separated). */
	public static AddressRules publicOnly(String allowedHosts) {
		return new AddressRules(split(allowedHosts), false);
	}

	/** Public addresses, the hosts listed, and loopback when {@code loopbackAllowed}. */
	public static AddressRules publicOrLoopback(String allowedHosts, boolean loopbackAllowed) {
		return new AddressRules(split(allowedHosts), loopbackAllowed);
	}

	public boolean loopbackAllowed() {
		return loopbackAllowed;
	}

	/** Refuses a URL this tool must not call, with words saying why. */
	public void check(URI url) throws OutgoingHttp.Failed {
		String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw refused("Only http(s) addresses are fetched, not " + (scheme.isEmpty() ? "this one" : scheme + ":") + ".");
		}
		String host = url.getHost();
		if (host == null || host.isEmpty() || url.getUserInfo() != null) {
			throw refused("The address " + url + " has no usable host.");
		}
		if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
			return;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw refused("The host " + host + " does not exist.");
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address) && !(loopbackAllowed && isLoopback(address))) {
				throw refused("The address " + url + " points into a private or local network (" + address.getHostAddress()
						+ "), which this tool does not call. An admin can allow the host.");
			}
		}
	}

	private static OutgoingHttp.Failed refused(String message) {
		return new OutgoingHttp.Failed(OutgoingHttp.Failed.Reason.ADDRESS_REFUSED, message);
	}

	/** Loopback by name or literal, without a DNS lookup. */
	public static boolean isLoopbackName(String host) {
		if (host == null) {
			return false;
		}
		String h = host.toLowerCase(Locale.ROOT);
		if (h.startsWith("[") && h.endsWith("]")) {
			h = h.substring(1, h.length() - 1);
		}
		return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
				|| h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
	}

	static boolean isLoopback(InetAddress a) {
		if (a.isLoopbackAddress()) {
			return true;
		}
		InetAddress embedded = embeddedIpv4(a);
		return embedded != null && embedded.isLoopbackAddress();
	}

	/** Whether an address is on the public internet: the rules above. */
	public static boolean isPublic(InetAddress a) {
		if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
				|| a.isMulticastAddress()) {
			return false;
		}
		byte[] b = a.getAddress();
		if (a instanceof Inet4Address) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			return first != 0 && first < 224 // "this network"; multicast and reserved
					&& !(first == 100 && second >= 64 && second < 128) // shared address space (CGNAT)
					&& !(first == 198 && (second == 18 || second == 19)) // benchmarking 198.18.0.0/15
					&& !(first == 192 && second == 0 && (b[2] & 0xff) == 0); // IETF protocol assignments
		}
		if (a instanceof Inet6Address) {
			if ((b[0] & 0xfe) == 0xfc) {
				return false; // unique local fc00::/7
			}
			if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
				return false; // Teredo 2001::/32: the IPv4 address it reaches is hidden
			}
			if (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && b[4] == 0
					&& (b[5] & 0xff) == 1) {
				return false; // local-use NAT64 64:ff9b:1::/48
			}
			InetAddress embedded = embeddedIpv4(a);
			if (embedded != null) {
				return isPublic(embedded);
			}
		}
		return true;
	}

	/**
	 * The IPv4 address an IPv6 address carries: IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible {@code ::/96}
	 * (also {@code ::} and {@code ::1}), NAT64 {@code 64:ff9b::/96} and 6to4 {@code 2002::/16}; null for others.
	 */
	static InetAddress embeddedIpv4(InetAddress a) {
		if (!(a instanceof Inet6Address)) {
			return null;
		}
		byte[] b = a.getAddress();
		byte[] v4 = null;
		if (allZero(b, 0, 10) && ((b[10] == 0 && b[11] == 0) || ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff))) {
			v4 = Arrays.copyOfRange(b, 12, 16);
		}
		else if (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
			v4 = Arrays.copyOfRange(b, 12, 16);
		}
		else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
			v4 = Arrays.copyOfRange(b, 2, 6);
		}
		if (v4 == null) {
			return null;
		}
		try {
			return InetAddress.getByAddress(v4);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static boolean allZero(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static Collection<String> split(String hosts) {
		return hosts == null ? Set.of() : Arrays.asList(hosts.split(","));
	}
}
