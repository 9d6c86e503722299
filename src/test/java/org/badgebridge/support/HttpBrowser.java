package org.badgebridge.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/**
 * A minimal browser over real HTTP for end-to-end tests: a cookie jar per host (it keeps Secure cookies on
 * loopback http, as browsers do), redirects followed by hand, and auto-posting forms submitted.
 */
public final class HttpBrowser {

	public record Page(int status, URI uri, String body, Map<String, List<String>> headers) {
	}

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

	private final List<Page> seen = new CopyOnWriteArrayList<>();

	public Page get(String url) throws IOException, InterruptedException {
		return follow(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	/** GET with extra request headers (e.g. Accept), no cookies, no redirects followed. */
	public Page get(String url, Map<String, String> headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		headers.forEach(request::header);
		HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Page(response.statusCode(), response.uri(), response.body(), response.headers().map());
	}

	/** The raw bytes of a GET (images, downloads). */
	public byte[] getBytes(String url) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
	}

	/** GET for polling loops: the body, or "" when the request failed. */
	public String getQuietly(String url) {
		try {
			return get(url).body();
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	public Page post(String url, Map<String, String> form) throws IOException, InterruptedException {
		String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
		return follow(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Submits every auto-posting form (login initiation, id_token, deep linking response) as a browser's script would. */
	public Page settle(Page page) throws IOException, InterruptedException {
		Page current = page;
		for (int i = 0; i < 10 && current.body().contains(" data-autosubmit"); i++) {
			current = submit(current, null, Map.of());
		}
		return current;
	}

	/** Submits the page's first form (or the one with this id) with its hidden fields plus the extra ones. */
	public Page submit(Page page, String formId, Map<String, String> extra) throws IOException, InterruptedException {
		String html = page.body();
		if (formId != null) {
			html = html.substring(html.indexOf("id=\"" + formId + "\"") - 200);
		}
		Matcher form = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(html);
		if (!form.find()) {
			throw new IllegalStateException("no form in " + page.uri());
		}
		String action = HtmlUtils.htmlUnescape(form.group(1));
		String formHtml = html.substring(form.start(), html.indexOf("</form>", form.start()));
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(formHtml);
		while (input.find()) {
			fields.put(HtmlUtils.htmlUnescape(input.group(1)), HtmlUtils.htmlUnescape(input.group(2)));
		}
		fields.putAll(extra);
		return post(page.uri().resolve(action).toString(), fields);
	}

	/** Every response this browser received, redirects included, in order. */
	public List<Page> seen() {
		return List.copyOf(seen);
	}

	private Page follow(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpRequest built = withCookies(request).build();
		HttpResponse<String> response = send(built);
		int hops = 0;
		while (response.statusCode() / 100 == 3 && hops++ < 10) {
			URI next = built.uri().resolve(response.headers().firstValue("Location").orElseThrow());
			built = withCookies(HttpRequest.newBuilder(next).GET(), next).build();
			response = send(built);
		}
		return new Page(response.statusCode(), built.uri(), response.body(), response.headers().map());
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		store(request.uri(), response);
		seen.add(new Page(response.statusCode(), request.uri(), response.body(), response.headers().map()));
		return response;
	}

	private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
		return withCookies(request, request.build().uri());
	}

	private HttpRequest.Builder withCookies(HttpRequest.Builder request, URI uri) {
		Map<String, String> jar = cookies.getOrDefault(uri.getHost(), Map.of());
		if (!jar.isEmpty()) {
			request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
		}
		return request;
	}

	private void store(URI uri, HttpResponse<String> response) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			String pair = header.split(";", 2)[0];
			int eq = pair.indexOf('=');
			String name = pair.substring(0, eq).trim();
			String value = pair.substring(eq + 1).trim();
			Map<String, String> jar = cookies.computeIfAbsent(uri.getHost(), h -> new ConcurrentHashMap<>());
			if (value.isEmpty() || header.contains("Max-Age=0")) {
				jar.remove(name);
			}
			else {
				jar.put(name, value);
			}
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
