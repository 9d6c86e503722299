package org.badgebridge.demolms;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the demo's first start: the sample course, and a real Dynamic Registration with the tool (over HTTP,
 * as an admin's browser would open the tool's registration URL).
 */
@ConditionalOnDemo
@Component
class DemoBootstrap {

	private static final Logger log = LoggerFactory.getLogger(DemoBootstrap.class);

	private final DemoStore store;

	private final DemoSettings settings;

	private final DemoOidcController oidc;

	DemoBootstrap(DemoStore store, DemoSettings settings, DemoOidcController oidc) {
		this.store = store;
		this.settings = settings;
		this.oidc = oidc;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		store.seed();
		if (store.tool().isPresent()) {
			log.info("Demo LMS ready at {}", settings.issuer());
			return;
		}
		Thread thread = new Thread(this::register, "demolms-registration");
		thread.setDaemon(true);
		thread.start();
	}

	void register() {
		String url = settings.toolUrl() + "/lti/register?openid_configuration="
				+ URLEncoder.encode(settings.url("/.well-known/openid-configuration"), StandardCharsets.UTF_8)
				+ "&registration_token=" + oidc.registrationToken(null);
		try {
			HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200 && store.tool().isPresent()) {
				log.info("Demo LMS registered BadgeBridge by Dynamic Registration; try it at {}", settings.issuer());
			}
			else {
				log.warn("Demo LMS could not register BadgeBridge (HTTP {}). Open {}/register-tool to try again.",
						response.statusCode(), settings.issuer());
			}
		}
		catch (Exception ex) {
			log.warn("Demo LMS could not reach BadgeBridge at {}: {}", settings.toolUrl(), ex.toString());
		}
	}
}
