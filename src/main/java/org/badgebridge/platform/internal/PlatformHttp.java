package org.badgebridge.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Small JSON-over-HTTP client for talking to a platform during registration: timeouts, no redirects, a
 * bounded body, and errors that say which URL answered what.
 */
class PlatformHttp {

	static final int MAX_BODY = 256 * 1024;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER).build();

	record JsonResponse(int status, Map<String, Object> json, String body) {
	}

	static class PlatformCallFailed extends RuntimeException {

		PlatformCallFailed(String message) {
			super(message);
		}
	}

	JsonResponse getJson(URI url, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET()
				.header("Accept", "application/json");
		if (bearer != null && !bearer.isBlank()) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request.build(), url);
	}

	JsonResponse postJson(URI url, String bearer, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
				.POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json")
				.header("Accept", "application/json");
		if (bearer != null && !bearer.isBlank()) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request.build(), url);
	}

	private JsonResponse send(HttpRequest request, URI url) {
		HttpResponse<InputStream> response;
		try {
			response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new PlatformCallFailed("Could not reach " + url + ": " + ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : " " + ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformCallFailed("Interrupted while calling " + url);
		}
		String body;
		try (InputStream in = response.body()) {
			byte[] bytes = in.readNBytes(MAX_BODY + 1);
			if (bytes.length > MAX_BODY) {
				throw new PlatformCallFailed(url + " answered with more than " + MAX_BODY / 1024 + " KB");
			}
			body = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new PlatformCallFailed("Could not read the answer of " + url + ": " + ex.getMessage());
		}
		if (response.statusCode() / 100 != 2) {
			throw new PlatformCallFailed(url + " answered HTTP " + response.statusCode()
					+ (body.isBlank() ? "" : ": " + abbreviate(body)));
		}
		try {
			return new JsonResponse(response.statusCode(), JSONObjectUtils.parse(body), body);
		}
		catch (java.text.ParseException ex) {
			throw new PlatformCallFailed(url + " did not answer with a JSON object: " + abbreviate(body));
		}
	}

	static String abbreviate(String s) {
		String oneLine = s.replaceAll("\\s+", " ").trim();
		return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
	}
}
