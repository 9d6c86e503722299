package org.badgebridge.award.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import org.badgebridge.award.AwardClaimed;
import org.badgebridge.award.BadgeAwarded;

/**
 * {@code badgebridge.awards} and {@code badgebridge.claims}: badges awarded and awards claimed, counted once the
 * transaction that made them commits. No tags: the award's course and learner are never a metric's label.
 */
@Component
class AwardMetrics {

	private final Counter awarded;

	private final Counter claimed;

	AwardMetrics(MeterRegistry registry) {
		this.awarded = Counter.builder("badgebridge.awards").description("Badges awarded").register(registry);
		this.claimed = Counter.builder("badgebridge.claims").description("Awards claimed by their learner").register(registry);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(BadgeAwarded event) {
		awarded.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AwardClaimed event) {
		claimed.increment();
	}
}
