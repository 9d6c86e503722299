package org.badgebridge.mail.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.badgebridge.mail.OutgoingMail;

/**
 * {@code badgebridge.mails}: the outbox's mails by state (QUEUED, SENT, FAILED), counted in the database at each scrape
 * (so every node reports the cluster's outbox).
 */
@Component
class MailMetrics {

	MailMetrics(MeterRegistry registry, JdbcClient jdbc) {
		for (OutgoingMail.Status state : OutgoingMail.Status.values()) {
			Gauge.builder("badgebridge.mails", () -> jdbc.sql("select count(*) from mail_outbox where status=?")
					.param(state.name()).query(Long.class).single())
					.description("Mails in the outbox by state").tag("state", state.name()).register(registry);
		}
	}
}
