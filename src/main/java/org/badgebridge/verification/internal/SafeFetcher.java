package org.badgebridge.verification.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.badgebridge.infrastructure.OutgoingCalls;
import org.badgebridge.infrastructure.OutgoingHttp;

/**
 * Fetches a document a visitor pointed us to, without letting them use the tool to reach what they could not
 * (server-side request forgery: {@link org.badgebridge.infrastructure.AddressRules}, public addresses only unless an
 * admin allowed the host in {@code badgebridge.verify.allowed-hosts}), every redirect checked again (at most 3), one
 * deadline over the whole fetch ({@code badgebridge.verify.fetch-deadline}, 5 s), at most 1 MB read, and at most
 * {@code badgebridge.verify.max-concurrent-fetches} fetches at once on this node: beyond that, {@link Busy}.
 */
@Component
class SafeFetcher {

	public static final int MAX_BYTES = 1 << 20;

	/**
	 * Why a URL was not fetched, or what went wrong fetching it, in words for the visitor: a sentence per reason
	 * ({@code public.check.fetch.<reason>}) with the technical message as its argument.
	 */
	public static class Refused extends Exception {

		private final Said said;

		public Refused(OutgoingHttp.Failed.Reason reason, String message) {
			super(message);
			this.said = new Said("public.check.fetch." + reason.name(), message);
		}

		public Said said() {
			return said;
		}
	}

	/** As many fetches as allowed are under way: the visitor should try again shortly. */
	public static class Busy extends RuntimeException {

		public static final Said WORDS = new Said("public.check.unknown.busy");

		public Busy() {
			super(WORDS.english());
		}
	}

	public record Fetched(URI url, int status, String contentType, String body) {
	}

	private final OutgoingHttp http;

	private final Semaphore fetches;

	SafeFetcher(OutgoingCalls calls, @Value("${badgebridge.verify.allowed-hosts:}") String allowedHosts,
			@Value("${badgebridge.verify.fetch-deadline:5s}") Duration deadline,
			@Value("${badgebridge.verify.max-concurrent-fetches:16}") int maxConcurrent) {
		this.http = calls.toPublicWeb(allowedHosts, deadline, MAX_BYTES, 3);
		this.fetches = new Semaphore(Math.max(1, maxConcurrent));
	}

	public Fetched get(URI url) throws Refused {
		if (!fetches.tryAcquire()) {
			throw new Busy();
		}
		try {
			OutgoingHttp.Answer answer = http.get(url, Map.of("Accept",
					"application/ld+json, application/json;q=0.9, application/vc, text/plain;q=0.5", "User-Agent",
					"BadgeBridge-verifier"));
			return new Fetched(answer.url(), answer.status(), answer.contentType(), answer.text());
		}
		catch (OutgoingHttp.Failed ex) {
			throw new Refused(ex.reason(), ex.getMessage());
		}
		finally {
			fetches.release();
		}
	}
}
