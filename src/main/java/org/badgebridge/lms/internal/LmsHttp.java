package org.badgebridge.lms.internal;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.badgebridge.infrastructure.OutgoingCalls;
import org.badgebridge.infrastructure.OutgoingHttp;
import org.badgebridge.lms.LmsCallFailed;

/**
 * HTTP to a platform's services through {@link OutgoingHttp}: the platform side's address rules (every redirect
 * checked again) and one deadline over each attempt, connect, headers and body ({@code badgebridge.lms.timeout});
 * retries with exponential backoff and full jitter
 * for 429, 5xx and timeouts (honouring {@code Retry-After}), a bounded answer, and {@link LmsCallFailed} that
 * names platform, URL and status. Requests that are not idempotent are retried on 5xx only when the caller
 * says the platform tolerates it.
 */
@Component
public class LmsHttp {

	private static final Logger log = LoggerFactory.getLogger(LmsHttp.class);

	static final int MAX_BODY = 16 * 1024 * 1024;

	private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;([^,<]*)");

	private static final Pattern REL = Pattern.compile("rel\\s*=\\s*[^A-Za-z]*([A-Za-z]+)");

	private final OutgoingHttp http;

	private final Duration timeout;

	private final io.micrometer.core.instrument.MeterRegistry metrics;

	private final int maxAttempts;

	private final long baseDelayMillis;

	private final long maxDelayMillis;

	public record Response(int status, String body, Map<String, List<String>> headers) {

		/** The {@code rel="next"} link, read leniently: straight quotes, Moodle's curly ones, or their UTF-8 bytes. */
		public Optional<String> next() {
			for (String value : headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("link"))
					.flatMap(e -> e.getValue().stream()).toList()) {
				Matcher link = LINK.matcher(value);
				while (link.find()) {
					Matcher rel = REL.matcher(link.group(2));
					if (rel.find() && rel.group(1).equalsIgnoreCase("next")) {
						return Optional.of(link.group(1).trim());
					}
				}
			}
			return Optional.empty();
		}
	}

	public LmsHttp(OutgoingCalls calls, @Value("${badgebridge.lms.timeout:20s}") Duration timeout,
			@Value("${badgebridge.lms.retry.max-attempts:4}") int maxAttempts,
			@Value("${badgebridge.lms.retry.base-delay:500ms}") Duration baseDelay,
			@Value("${badgebridge.lms.retry.max-delay:30s}") Duration maxDelay, io.micrometer.core.instrument.MeterRegistry metrics) {
		this.metrics = metrics;
		this.http = calls.toPlatforms(timeout, MAX_BODY, 3);
		this.timeout = timeout;
		this.maxAttempts = Math.max(1, maxAttempts);
		this.baseDelayMillis = baseDelay.toMillis();
		this.maxDelayMillis = maxDelay.toMillis();
	}

	/**
	 * Sends a request; {@code idempotent} requests are retried on 5xx as well as on 429 and failures to get an
	 * answer. Returns any answer that is not retried (the caller decides what a 4xx means).
	 */
	public Response send(String platform, String method, String url, Map<String, String> headers, String body,
			boolean idempotent) {
		return send(platform, method, url, headers, body, idempotent, false);
	}

	/**
	 * As {@link #send(String, String, String, Map, String, boolean)}; with {@code busyToCaller} a 429 or 503 that
	 * carries a readable {@code Retry-After} is answered at once (see {@link #retryAfter(Response)}), not waited for
	 * here: the caller pauses everything it sends to that platform.
	 */
	public Response send(String platform, String method, String url, Map<String, String> headers, String body,
			boolean idempotent, boolean busyToCaller) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new LmsCallFailed(platform, method, url, 0, "not a valid URL");
		}
		for (int attempt = 1;; attempt++) {
			Response response;
			long started = System.nanoTime();
			try {
				OutgoingHttp.Answer answer = http.send(method, uri, headers, body);
				response = new Response(answer.status(), answer.text(), answer.headerMap());
				timed(platform, method, Integer.toString(answer.status()), started);
			}
			catch (OutgoingHttp.Failed ex) {
				timed(platform, method, ex.reason().name(), started);
				boolean transientFailure = ex.reason() == OutgoingHttp.Failed.Reason.DEADLINE
						|| ex.reason() == OutgoingHttp.Failed.Reason.UNREACHABLE;
				if (transientFailure && attempt < maxAttempts) {
					pause(attempt, null, platform, method, url, ex.reason().name());
					continue;
				}
				throw new LmsCallFailed(platform, method, url, 0, (ex.reason() == OutgoingHttp.Failed.Reason.DEADLINE
						? "no complete answer within " + seconds(timeout) : ex.getMessage())
						+ (transientFailure ? " (after " + attempt + " attempts)" : ""));
			}
			boolean retryable = response.status() == 429 || (response.status() >= 500 && idempotent);
			if (busyToCaller && retryAfter(response).isPresent()) {
				return response;
			}
			if (retryable && attempt < maxAttempts) {
				pause(attempt, retryAfterHeader(response), platform, method, url, "HTTP " + response.status());
				continue;
			}
			return response;
		}
	}

	/**
	 * {@code badgebridge.lms.calls}: each attempt's latency by platform (the registration's name), method and status
	 * (the HTTP status, or why no answer came: DEADLINE, UNREACHABLE, ...).
	 */
	private void timed(String platform, String method, String status, long startedNanos) {
		io.micrometer.core.instrument.Timer.builder("badgebridge.lms.calls").description("Calls to the platforms' services")
				.tag("platform", platform).tag("method", method).tag("status", status).register(metrics)
				.record(System.nanoTime() - startedNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
	}

	private static String seconds(Duration d) {
		return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
	}

	private void pause(int attempt, String retryAfter, String platform, String method, String url, String why) {
		long delay = retryAfterMillis(retryAfter);
		if (delay < 0) {
			long cap = Math.min(maxDelayMillis, baseDelayMillis * (1L << Math.min(attempt - 1, 20)));
			delay = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1); // jitter within the upper half of the window
		}
		delay = Math.min(delay, maxDelayMillis);
		log.info("{}: {} {} -> {}; retry {} in {} ms", platform, method, url, why, attempt + 1, delay);
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LmsCallFailed(platform, method, url, 0, "interrupted while waiting to retry");
		}
	}

	private static String retryAfterHeader(Response response) {
		return response.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("retry-after"))
				.flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
	}

	/** How long a 429 or 503 asks the caller to wait ({@code Retry-After}); empty for other answers or none readable. */
	public static Optional<Duration> retryAfter(Response response) {
		if (response.status() != 429 && response.status() != 503) {
			return Optional.empty();
		}
		long millis = retryAfterMillis(retryAfterHeader(response));
		return millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
	}

	/** Retry-After in seconds or as an HTTP date; -1 when absent or unreadable. */
	static long retryAfterMillis(String value) {
		if (value == null || value.isBlank()) {
			return -1;
		}
		try {
			return Math.max(0, Long.parseLong(value.trim()) * 1000);
		}
		catch (NumberFormatException ex) {
			try {
				return Math.max(0, Duration.between(ZonedDateTime.now(),
						ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)).toMillis());
			}
			catch (RuntimeException unreadable) {
				return -1;
			}
		}
	}
}
