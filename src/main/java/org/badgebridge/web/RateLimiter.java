package org.badgebridge.web;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed one-minute windows per client (the request's remote address; per node) for public endpoints that make
 * the tool work hard or fetch URLs. A module declares its own limiter as a bean with its own setting.
 */
public class RateLimiter {

	private final int perMinute;

	private final Clock clock;

	private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

	private record Window(long minute, AtomicInteger count) {
	}

	public RateLimiter(int perMinute, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
	}

	/** Counts one request of this client; false once it has used up the current minute. */
	public boolean tryAcquire(String client) {
		long minute = clock.millis() / 60_000;
		if (windows.size() > 10_000) {
			windows.values().removeIf(w -> w.minute() < minute);
		}
		Window w = windows.compute(client, (k, old) -> old == null || old.minute() != minute
				? new Window(minute, new AtomicInteger()) : old);
		return w.count().incrementAndGet() <= perMinute;
	}

	/** Seconds until the next window opens (1 to 60): the {@code Retry-After} of a refused request. */
	public long secondsUntilNextWindow() {
		return 60 - (clock.millis() % 60_000) / 1000;
	}

	public int perMinute() {
		return perMinute;
	}
}
