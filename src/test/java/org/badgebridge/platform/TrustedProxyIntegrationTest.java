package org.badgebridge.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registration rate limit counts the address the connection comes from; {@code X-Forwarded-For} counts only when
 * the connection comes from a proxy configured in {@code server.tomcat.remoteip.trusted-proxies}. A real server on a
 * random port (MockMvc would bypass Tomcat's valves); the proxy is a connection from 127.0.0.2, clients connect from
 * 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"badgebridge.lti.registration.rate-limit-per-minute=1", "server.tomcat.remoteip.trusted-proxies=127\\.0\\.0\\.2" })
@ActiveProfiles("test")
class TrustedProxyIntegrationTest {

	@LocalServerPort
	int port;

	/** Status of a registration attempt (refused at once: not an http(s) URL) sent from {@code from}. */
	int attempt(String from, String forwardedFor) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /lti/register?openid_configuration=ftp://lms.example/ HTTP/1.1\r\nHost: localhost:" + port
					+ "\r\nX-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
			return Integer.parseInt(statusLine.substring(9, 12));
		}
	}

	/** The limiter counts per clock minute: start a burst early enough in a minute to end within it. */
	static void awayFromAMinuteBoundary() {
		await().atMost(Duration.ofSeconds(10)).until(() -> System.currentTimeMillis() % 60_000 < 50_000);
	}

	@Test
	void aSpoofedHeaderFromADirectClientChangesNothing() throws Exception {
		awayFromAMinuteBoundary();
		assertThat(attempt("127.0.0.1", "203.0.113.7")).isEqualTo(400);
		assertThat(attempt("127.0.0.1", "203.0.113.8")).as("still counted as 127.0.0.1: its one attempt is used").isEqualTo(429);
		assertThat(attempt("127.0.0.1", "198.51.100.77")).isEqualTo(429);
	}

	@Test
	void theHeaderFromATrustedProxyNamesTheClient() throws Exception {
		awayFromAMinuteBoundary();
		assertThat(attempt("127.0.0.2", "198.51.100.1")).isEqualTo(400);
		assertThat(attempt("127.0.0.2", "198.51.100.2")).as("another client behind the same proxy").isEqualTo(400);
		assertThat(attempt("127.0.0.2", "198.51.100.1")).as("the first client has used its attempt").isEqualTo(429);
		assertThat(attempt("127.0.0.2", "10.9.8.7, 198.51.100.3")).as("only the hop the proxy added counts").isEqualTo(400);
	}
}
