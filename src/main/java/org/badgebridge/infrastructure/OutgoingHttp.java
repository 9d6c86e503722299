package org.badgebridge.infrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every outgoing HTTP call of the tool goes through one of these: the {@link AddressRules} checked before each
 * request and each redirect, and one deadline over the whole call (connect, headers, body and redirects) after which
 * the exchange is cancelled and its connection dropped. Java's {@code HttpRequest.timeout} alone stops at the headers:
 * a server sending its body one byte a second would hold the caller for as long as it likes. The body is read into
 * memory up to a byte cap; a larger body is refused, not truncated.
 */
public final class OutgoingHttp {

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	/** An answer read completely within the deadline. */
	public record Answer(URI url, int status, HttpHeaders headers, byte[] body) {

		public String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

		public String contentType() {
			return headers.firstValue("Content-Type").orElse("");
		}

		public Map<String, List<String>> headerMap() {
			return headers.map();
		}
	}

	/** Why a call was not made or did not complete, in words that may be shown (they never quote the answer). */
	public static final class Failed extends Exception {

		public enum Reason {
			/** The address is not one this tool calls. */
			ADDRESS_REFUSED,
			/** No complete answer within the deadline. */
			DEADLINE,
			/** The answer was larger than the cap. */
			TOO_LARGE,
			/** No answer: connection refused or reset, name not resolved, TLS failed. */
			UNREACHABLE,
			/** Too many redirects. */
			REDIRECTS,
			INTERRUPTED
		}

		private final Reason reason;

		public Failed(Reason reason, String message) {
			super(message);
			this.reason = reason;
		}

		public Reason reason() {
			return reason;
		}
	}

	private final AddressRules rules;

	private final Duration deadline;

	private final int maxBytes;

	private final int maxRedirects;

	private final HttpClient client;

	/**
	 * @param deadline the most a call may take in all
	 * @param maxBytes the largest body read
	 * @param maxRedirects redirects followed (each checked against the rules); 0: a redirect is the answer
	 */
	public OutgoingHttp(AddressRules rules, Duration deadline, int maxBytes, int maxRedirects) {
		this.rules = Objects.requireNonNull(rules);
		this.deadline = deadline;
		this.maxBytes = maxBytes;
		this.maxRedirects = maxRedirects;
		Duration connect = deadline.compareTo(Duration.ofSeconds(5)) < 0 ? deadline : Duration.ofSeconds(5);
		this.client = HttpClient.newBuilder().connectTimeout(connect).followRedirects(HttpClient.Redirect.NEVER)
				.version(HttpClient.Version.HTTP_1_1).build();
	}

	public Duration deadline() {
		return deadline;
	}

	public Answer get(URI url, Map<String, String> headers) throws Failed {
		return send("GET", url, headers, null);
	}

	/** Sends a request ({@code body} null: none) and reads the whole answer, all within the deadline. */
	public Answer send(String method, URI url, Map<String, String> headers, String body) throws Failed {
		long end = System.nanoTime() + deadline.toNanos();
		URI current = url;
		String currentMethod = method;
		String currentBody = body;
		Map<String, String> currentHeaders = new LinkedHashMap<>(headers);
		for (int hop = 0;; hop++) {
			rules.check(current);
			Answer answer = exchange(currentMethod, current, currentHeaders, currentBody, end);
			String location = answer.headers().firstValue("Location").orElse(null);
			if (!REDIRECTS.contains(answer.status()) || location == null || maxRedirects == 0) {
				return answer;
			}
			if (hop >= maxRedirects) {
				throw new Failed(Failed.Reason.REDIRECTS, "More than " + maxRedirects + " redirects from " + url + ".");
			}
			URI next = current.resolve(location.trim());
			if (answer.status() == 303 || ((answer.status() == 301 || answer.status() == 302) && currentMethod.equals("POST"))) {
				currentMethod = "GET";
				currentBody = null;
				currentHeaders.keySet().removeIf(h -> h.equalsIgnoreCase("Content-Type"));
			}
			if (!origin(next).equals(origin(current))) {
				currentHeaders.keySet().removeIf(h -> h.equalsIgnoreCase("Authorization"));
			}
			current = next;
		}
	}

	private Answer exchange(String method, URI url, Map<String, String> headers, String body, long end) throws Failed {
		long remaining = end - System.nanoTime();
		if (remaining <= 0) {
			throw timedOut(url);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofNanos(remaining))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		AtomicReference<CappedBody> bodyReader = new AtomicReference<>();
		CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request.build(), info -> {
			CappedBody reader = new CappedBody(maxBytes);
			bodyReader.set(reader);
			return reader;
		});
		try {
			HttpResponse<byte[]> response = call.get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
			return new Answer(url, response.statusCode(), response.headers(), response.body());
		}
		catch (TimeoutException ex) {
			throw timedOut(url);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Failed(Failed.Reason.INTERRUPTED, "Interrupted while calling " + url + ".");
		}
		catch (ExecutionException ex) {
			throw failure(url, ex.getCause());
		}
		finally {
			if (!call.isDone()) {
				call.cancel(true); // aborts the exchange before the headers
				CappedBody reader = bodyReader.get();
				if (reader != null) {
					reader.abort(new IOException("deadline passed")); // drops the connection while the body arrives
				}
			}
		}
	}

	private Failed timedOut(URI url) {
		return new Failed(Failed.Reason.DEADLINE, "No complete answer from " + url + " within " + seconds(deadline) + ".");
	}

	private Failed failure(URI url, Throwable cause) {
		for (Throwable t = cause; t != null; t = t.getCause()) {
			if (t instanceof CappedBody.TooLarge) {
				return new Failed(Failed.Reason.TOO_LARGE, "The answer of " + url + " is larger than " + size(maxBytes) + ": not read.");
			}
			if (t instanceof HttpTimeoutException) {
				return timedOut(url);
			}
		}
		String what = cause == null ? "no answer" : cause.getClass().getSimpleName()
				+ (cause.getMessage() == null ? "" : " " + cause.getMessage());
		return new Failed(Failed.Reason.UNREACHABLE, "Could not reach " + url + ": " + what + ".");
	}

	private static String seconds(Duration d) {
		return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
	}

	private static String size(int bytes) {
		return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : (bytes >> 10) + " KB";
	}

	private static String origin(URI uri) {
		return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
	}
}
