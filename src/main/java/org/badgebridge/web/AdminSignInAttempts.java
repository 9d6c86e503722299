package org.badgebridge.web;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one count of failed admin sign-ins, over HTTP Basic and the sign-in form alike: per client address and per user
 * name in fixed one-minute windows (per node). Once either has reached the limit, sign-ins from that address or for
 * that name wait until the window ends, without the password being checked. Successful sign-ins are not counted.
 */
@Component
class AdminSignInAttempts {

	private static final Logger log = LoggerFactory.getLogger(AdminSignInAttempts.class);

	private static final long WINDOW = 60_000;

	private final int failuresPerMinute;

	private final Clock clock;

	private final ConcurrentHashMap<String, Window> failures = new ConcurrentHashMap<>();

	private record Window(long start, AtomicInteger count) {
	}

	AdminSignInAttempts(@Value("${badgebridge.admin.login-throttle.failures-per-minute:10}") int failuresPerMinute, Clock clock) {
		this.failuresPerMinute = failuresPerMinute;
		this.clock = clock;
	}

	/** How long a sign-in from this address for this name must wait (0: it may try now). */
	long waitMillis(String address, String user) {
		long now = clock.millis();
		return Math.max(waitMillis(addressKey(address), now), waitMillis(userKey(user), now));
	}

	/** Counts a failed sign-in against the address and the name. */
	void failed(String address, String user) {
		long now = clock.millis();
		count(addressKey(address), now);
		count(userKey(user), now);
	}

	/** Whole seconds to wait, rounded up, at least 1 (for Retry-After and the page). */
	static long seconds(long waitMillis) {
		return Math.max(1, (waitMillis + 999) / 1000);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	private static String userKey(String user) {
		return "user:" + (user == null ? "" : user.toLowerCase(Locale.ROOT));
	}

	private long waitMillis(String key, long now) {
		Window w = failures.get(key);
		if (w == null || now - w.start() >= WINDOW || w.count().get() < failuresPerMinute) {
			return 0;
		}
		return w.start() + WINDOW - now;
	}

	private void count(String key, long now) {
		if (failures.size() > 10_000) {
			failures.values().removeIf(w -> now - w.start() >= WINDOW);
		}
		Window w = failures.compute(key, (k, old) -> old == null || now - old.start() >= WINDOW
				? new Window(now, new AtomicInteger()) : old);
		if (w.count().incrementAndGet() == failuresPerMinute) {
			log.warn("Admin sign-in throttled for {} after {} failed attempts", key, failuresPerMinute);
		}
	}
}
