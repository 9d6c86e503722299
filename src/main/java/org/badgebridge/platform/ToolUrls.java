package org.badgebridge.platform;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The tool's public URLs, all derived from {@code badgebridge.public-url}. Plain http is accepted only on a
 * loopback host (development); anywhere else the tool refuses to start.
 */
@Component
public class ToolUrls {

	/** Path of the tool's logo; platforms registered earlier keep this URL as the tool's icon, so it stays. */
	public static final String LOGO_PATH = "/images/logo.png";

	private final String base;

	public ToolUrls(@Value("${badgebridge.public-url}") String publicUrl) {
		String trimmed = publicUrl.trim();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		URI uri = URI.create(trimmed);
		if (!WebAddresses.isSecureOrLoopback(uri)) {
			throw new IllegalStateException("badgebridge.public-url must use https (plain http only on localhost/127.0.0.1), got "
					+ publicUrl);
		}
		this.base = trimmed;
	}

	public String base() {
		return base;
	}

	public String login() {
		return base + "/lti/login";
	}

	public String launch() {
		return base + "/lti/launch";
	}

	public String jwks() {
		return base + "/.well-known/jwks.json";
	}

	public String registration() {
		return base + "/lti/register";
	}

	/** The tool's logo, sent as {@code logo_uri} at registration: the LMS shows it as the tool's icon. */
	public String logo() {
		return base + LOGO_PATH;
	}

	public String canvasConfiguration() {
		return base + "/lti/config/canvas.json";
	}

	/** host[:port] of the launch URL, as the tool configuration's {@code domain} must be. */
	public String domain() {
		URI uri = URI.create(base);
		return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
	}

	public String absolute(String path) {
		return base + (path.startsWith("/") ? path : "/" + path);
	}
}
