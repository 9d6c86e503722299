package org.badgebridge.launch.internal;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.badgebridge.infrastructure.OutgoingCalls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A platform's key set is fetched under one deadline over headers and body: a platform (or whoever controls a
 * registration's {@code jwks_uri}) that dribbles its key set cannot hold a launch for longer; and the platform side's
 * address rules apply.
 */
class PlatformKeysDeadlineTest {

	WireMockServer platform;

	@BeforeEach
	void start() {
		platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		platform.start();
	}

	@AfterEach
	void stop() {
		platform.stop();
	}

	PlatformKeys keys(String publicUrl, Duration deadline) {
		return new PlatformKeys(new OutgoingCalls(publicUrl, ""), Duration.ofMinutes(15), Duration.ofSeconds(30), deadline);
	}

	String jwksUri() {
		return "http://127.0.0.1:" + platform.port() + "/mod/lti/certs.php";
	}

	@Test
	void aDribblingKeySetEndsWithinTheDeadline() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
		platform.stubFor(get(urlPathEqualTo("/mod/lti/certs.php")).willReturn(aResponse().withHeader("Content-Type",
				"application/json").withBody("{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}").withChunkedDribbleDelay(40, 20_000)));
		PlatformKeys keys = keys("http://localhost:8080", Duration.ofSeconds(1));

		long started = System.nanoTime();
		assertThatThrownBy(() -> keys.find(jwksUri(), "k1")).isInstanceOf(LaunchRejected.class)
				.hasMessageContaining("could not be read").hasMessageContaining("No complete answer").hasMessageContaining("within 1 s");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aKeySetInTimeIsReadAndLoopbackIsRefusedOnceTheToolIsPublic() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
		platform.stubFor(get(urlPathEqualTo("/mod/lti/certs.php")).willReturn(aResponse().withHeader("Content-Type",
				"application/json").withBody("{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}")));

		assertThat(keys("http://localhost:8080", Duration.ofSeconds(10)).find(jwksUri(), "k1")).hasSize(1);
		assertThatThrownBy(() -> keys("https://badges.example.edu", Duration.ofSeconds(10)).find(jwksUri(), "k1")).isInstanceOf(LaunchRejected.class)
				.hasMessageContaining("private or local network");
	}
}
