package org.badgebridge.infrastructure;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared outgoing-call helper: deadline over the body, byte cap, redirects checked against the address rules. */
class OutgoingHttpUnitTest {

	WireMockServer peer;

	@BeforeEach
	void start() {
		peer = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		peer.start();
	}

	@AfterEach
	void stop() {
		peer.stop();
	}

	URI url(String path) {
		return URI.create("http://127.0.0.1:" + peer.port() + path);
	}

	@Test
	void aDribblingBodyEndsAtTheDeadline() {
		peer.stubFor(get(urlPathEqualTo("/dribble")).willReturn(aResponse().withBody("x".repeat(100)).withChunkedDribbleDelay(50, 20_000)));
		OutgoingHttp http = new OutgoingHttp(AddressRules.publicOrLoopback("", true), Duration.ofSeconds(1), 1024, 0);

		long started = System.nanoTime();
		assertThatThrownBy(() -> http.get(url("/dribble"), Map.of())).isInstanceOfSatisfying(OutgoingHttp.Failed.class,
				f -> assertThat(f.reason()).isEqualTo(OutgoingHttp.Failed.Reason.DEADLINE))
				.hasMessageContaining("No complete answer from " + url("/dribble") + " within 1 s");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aBodyOverTheCapIsRefusedAndAnAnswerWithinItRead() throws Exception {
		peer.stubFor(get(urlPathEqualTo("/big")).willReturn(aResponse().withBody("y".repeat(2000))));
		peer.stubFor(get(urlPathEqualTo("/small")).willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("hello")));
		OutgoingHttp http = new OutgoingHttp(AddressRules.publicOrLoopback("", true), Duration.ofSeconds(5), 1024, 0);

		assertThatThrownBy(() -> http.get(url("/big"), Map.of())).isInstanceOfSatisfying(OutgoingHttp.Failed.class,
				f -> assertThat(f.reason()).isEqualTo(OutgoingHttp.Failed.Reason.TOO_LARGE)).hasMessageContaining("larger than 1 KB");
		OutgoingHttp.Answer small = http.get(url("/small"), Map.of());
		assertThat(small.status()).isEqualTo(200);
		assertThat(small.text()).isEqualTo("hello");
		assertThat(small.contentType()).isEqualTo("text/plain");
	}

	@Test
	void aRedirectIntoALocalNetworkIsRefused() {
		peer.stubFor(get(urlPathEqualTo("/hop")).willReturn(aResponse().withStatus(302).withHeader("Location", "http://localhost:3306/")));
		OutgoingHttp http = new OutgoingHttp(AddressRules.publicOnly("127.0.0.1"), Duration.ofSeconds(5), 1024, 3);

		assertThatThrownBy(() -> http.get(url("/hop"), Map.of())).isInstanceOfSatisfying(OutgoingHttp.Failed.class,
				f -> assertThat(f.reason()).isEqualTo(OutgoingHttp.Failed.Reason.ADDRESS_REFUSED))
				.hasMessageContaining("http://localhost:3306/").hasMessageContaining("private or local network");
	}
}
