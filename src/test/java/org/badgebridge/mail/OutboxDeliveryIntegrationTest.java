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

	@Autowired
	org.badgebridge.claim.EmailConfirmations confirmations;

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

	/** The text of each part of a received message, by content type. */
	static void parts(jakarta.mail.Part part, java.util.Map<String, String> into) throws Exception {
		Object content = part.getContent();
		if (content instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				parts(multipart.getBodyPart(i), into);
			}
		}
		else if (content instanceof String text) {
			into.put(part.getContentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT), text.replace("\r\n", "\n"));
		}
	}

	OutgoingMail mail(java.util.function.Predicate<OutgoingMail> which) {
		return outbox.recent(1000).stream().filter(which).findFirst().orElseThrow();
	}

	@Test
	void aDeliveredMailKeepsNoSecretAndTheAdminPageShowsNone() throws Exception {
		greenMail = new GreenMail(new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		String address = "code-" + java.util.UUID.randomUUID() + "@example.edu";
		confirmations.start(424242L, "nobody", address); // a learner whose LMS shares no address asks for a code
		assertThat(outbox.queue("notice:" + address, address, "Plain notice", "Nothing secret here", "<p>Nothing secret here</p>"))
				.isTrue();
		OutgoingMail queued = mail(m -> m.dedupKey().startsWith("confirm:") && m.recipient().equals(address));
		String code = queued.subject().replaceAll("\\D", "");
		assertThat(code).hasSize(6);
		mvc.perform(get("/admin/outbox").with(httpBasic("admin", "test-admin-password")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString(code)));

		assertThat(delivery.deliverDue()).isGreaterThanOrEqualTo(2);
		assertThat(List.of(greenMail.getReceivedMessages())).as("the code reached its recipient")
				.anySatisfy(m -> assertThat(m.getSubject()).contains(code));
		MimeMessage received = List.of(greenMail.getReceivedMessages()).stream().filter(m -> {
			try {
				return m.getSubject().contains(code);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).findFirst().orElseThrow();
		java.util.Map<String, String> parts = new java.util.HashMap<>();
		parts(received, parts);
		assertThat(received.getSubject()).isEqualTo("Your confirmation code: " + code);
		assertThat(parts.get("text/plain")).as("the plain-text part, from mail/confirm.txt")
				.contains("Enter this code at the badge in your course", "\n    " + code + "\n", "The code works for 30 minutes, until ")
				.doesNotContain("<");
		assertThat(parts.get("text/html")).as("the HTML part, from mail/confirm.html").containsPattern("<html[^>]*\\slang=\"en\"")
				.contains("<strong id=\"mail-code\">" + code + "</strong>", "Central European");
		OutgoingMail sent = mail(m -> m.id().equals(queued.id()));
		assertThat(sent.status()).isEqualTo(OutgoingMail.Status.SENT);
		assertThat(sent.recipient()).isEqualTo(address);
		assertThat(sent.dedupKey()).startsWith("confirm:");
		assertThat(sent.sentAt()).isNotNull();
		assertThat(List.of(sent.subject(), sent.textBody(), sent.htmlBody())).noneSatisfy(part -> assertThat(part).contains(code))
				.allSatisfy(part -> assertThat(part).contains("removed after delivery: it held a one-time link or code"));
		assertThat(mail(m -> m.dedupKey().equals("notice:" + address)).textBody()).as("a mail without a secret stays readable")
				.isEqualTo("Nothing secret here");
		mvc.perform(get("/admin/outbox").with(httpBasic("admin", "test-admin-password")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString(address)))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(code))));
	}

	@Test
	void undeliveredSecretsStayReadableUntilTheRetentionThenAreRemovedAndNeverSent() throws Exception {
		String old = "old-" + java.util.UUID.randomUUID() + "@example.edu";
		String recent = "recent-" + java.util.UUID.randomUUID() + "@example.edu";
		outbox.queue("claim:" + old, old, "Your badge", "Claim it: https://badges.example.edu/claim/OLDTOKEN", "<p>OLDTOKEN</p>",
				OutgoingMail.Secret.BODY);
		outbox.queue("claim:" + recent, recent, "Your badge", "Claim it: https://badges.example.edu/claim/NEWTOKEN",
				"<p>NEWTOKEN</p>", OutgoingMail.Secret.BODY);
		jdbc.sql("update mail_outbox set created_at = ? where recipient = ?")
				.params(System.currentTimeMillis() - java.time.Duration.ofDays(8).toMillis(), old).update();

		assertThat(delivery.purgeExpiredSecrets()).isEqualTo(1);
		OutgoingMail expired = mail(m -> m.recipient().equals(old));
		assertThat(expired.textBody()).doesNotContain("OLDTOKEN").contains("removed undelivered");
		assertThat(expired.htmlBody()).doesNotContain("OLDTOKEN");
		assertThat(expired.status()).as("never sent without its link").isEqualTo(OutgoingMail.Status.FAILED);
		assertThat(expired.carriesSecret()).isFalse();
		OutgoingMail waiting = mail(m -> m.recipient().equals(recent));
		assertThat(waiting.textBody()).contains("NEWTOKEN");
		assertThat(waiting.carriesSecret()).isTrue();
		mvc.perform(get("/admin/outbox").with(httpBasic("admin", "test-admin-password")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("NEWTOKEN")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("holds a one-time link or code")))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("OLDTOKEN"))));
		jdbc.sql("update mail_outbox set status = 'FAILED' where recipient = ?").param(recent).update(); // not for the other tests
	}
}
