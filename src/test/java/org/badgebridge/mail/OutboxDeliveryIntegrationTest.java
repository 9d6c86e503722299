package org.badgebridge.mail;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import org.badgebridge.mail.internal.OutboxDelivery;
import org.badgebridge.support.FreePort;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * The outbox against a real SMTP server (GreenMail): with the server down every mail stays queued with its
 * error; once it is up every mail is delivered exactly once, as HTML and plain text.
 */
@SpringBootTest(properties = { "badgebridge.mail.base-backoff=1ms", "badgebridge.mail.poll-interval=1h" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OutboxDeliveryIntegrationTest {

	static final int SMTP = FreePort.find();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
	}

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxDelivery delivery;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	GreenMail greenMail;

	@AfterEach
	void stop() {
		if (greenMail != null) {
			greenMail.stop();
		}
	}

	@Test
	void smtpDownThenUpDeliversEveryMailOnce() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(outbox.queue("test:" + i, "learner" + i + "@example.edu", "Badge " + i, "Plain " + i,
					"<p>HTML " + i + "</p>")).isTrue();
		}
		assertThat(outbox.queue("test:0", "learner0@example.edu", "again", "again", "again")).as("same key: not queued").isFalse();

		assertThat(delivery.deliverDue()).as("server down").isZero();
		List<OutgoingMail> waiting = outbox.recent(10).stream().filter(m -> m.dedupKey().startsWith("test:")).toList();
		assertThat(waiting).hasSize(5).allSatisfy(m -> assertThat(m.status()).isEqualTo(OutgoingMail.Status.QUEUED));
		assertThat(waiting).anySatisfy(m -> assertThat(m.lastError()).isNotBlank());
		mvc.perform(get("/admin/outbox").with(httpBasic("admin", "test-admin-password")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("learner3@example.edu")));

		greenMail = new GreenMail(new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		// rounds of delivery until the (test-sized) backoff has passed and all five went out
		java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
		await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(20))
				.until(() -> sent.addAndGet(delivery.deliverDue()) >= 5);
		assertThat(sent.get()).isEqualTo(5);
		assertThat(delivery.deliverDue()).as("nothing left").isZero();
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(5);
		assertThat(List.of(received).stream().map(m -> {
			try {
				return m.getAllRecipients()[0].toString();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).distinct()).hasSize(5);
		String body = GreenMailUtil.getBody(received[0]);
		assertThat(body).contains("text/plain", "text/html");
		assertThat(outbox.recent(10).stream().filter(m -> m.dedupKey().startsWith("test:")))
				.allSatisfy(m -> assertThat(m.status()).isEqualTo(OutgoingMail.Status.SENT));
	}
}
