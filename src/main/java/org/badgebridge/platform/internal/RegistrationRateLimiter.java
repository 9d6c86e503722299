package org.badgebridge.platform.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fixed one-minute windows per client address for the public registration URL (per node). Enough to stop
 * a script from making the tool fetch URLs in a loop; legitimate admins register a handful of times.
 */
@Component
class RegistrationRateLimiter {

	private final int perMinute;

	private final Clock clock;

	private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

	private record Window(long minute, AtomicInteger count) {
	}

	RegistrationRateLimiter(@Value("${badgebridge.lti.registration.rate-limit-per-minute:10}") int perMinute,
			Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
	}

	boolean tryAcquire(String client) {
		long minute = clock.millis() / 60_000;
		if (windows.size() > 10_000) {
			windows.values().removeIf(w -> w.minute() < minute);
		}
		Window w = windows.compute(client, (k, old) -> old == null || old.minute() != minute
				? new Window(minute, new AtomicInteger()) : old);
		return w.count().incrementAndGet() <= perMinute;
	}
}
