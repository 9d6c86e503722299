package org.badgebridge.course.internal;

import java.time.Duration;
import java.time.Instant;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the adaptive polling interval over generated settings and histories (jqwik). */
class PollingRuleProperties {

	static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

	static PollingRule rule(int activeSeconds, int idleFactor, int holdMinutes) {
		return new PollingRule(Duration.ofSeconds(activeSeconds), Duration.ofSeconds((long) activeSeconds * idleFactor),
				Duration.ofMinutes(holdMinutes), true);
	}

	@Property
	void theIntervalStaysBetweenActiveAndIdle(@ForAll @IntRange(min = 1, max = 600) int active,
			@ForAll @IntRange(min = 1, max = 200) int factor, @ForAll @IntRange(min = 0, max = 600) int hold,
			@ForAll @LongRange(min = 0, max = 1_000_000) long previousSeconds, @ForAll @LongRange(min = 0, max = 100_000) long quietSeconds) {
		PollingRule rule = rule(active, factor, hold);
		Duration next = rule.next(Duration.ofSeconds(previousSeconds), T0, T0.plusSeconds(quietSeconds));
		assertThat(next).isBetween(rule.active(), rule.idle());
	}

	@Property
	void withinTheHoldTheActiveIntervalHolds(@ForAll @IntRange(min = 1, max = 600) int active,
			@ForAll @IntRange(min = 1, max = 200) int factor, @ForAll @IntRange(min = 1, max = 600) int hold,
			@ForAll @LongRange(min = 0, max = 1_000_000) long previousSeconds, @ForAll @IntRange(min = 0, max = 100) int percentOfHold) {
		PollingRule rule = rule(active, factor, hold);
		Instant now = T0.plus(rule.hold().multipliedBy(percentOfHold).dividedBy(101));
		assertThat(rule.next(Duration.ofSeconds(previousSeconds), T0, now)).isEqualTo(rule.active());
	}

	@Property
	void quietSyncsNeverShortenTheIntervalAndReachIdleInFewSteps(@ForAll @IntRange(min = 1, max = 600) int active,
			@ForAll @IntRange(min = 1, max = 200) int factor, @ForAll @IntRange(min = 0, max = 600) int hold) {
		PollingRule rule = rule(active, factor, hold);
		Instant now = T0.plus(rule.hold()).plusSeconds(1);
		Duration interval = rule.active();
		int steps = 0;
		while (!interval.equals(rule.idle())) {
			Duration next = rule.next(interval, T0, now);
			assertThat(next).isGreaterThanOrEqualTo(interval);
			now = now.plus(next);
			interval = next;
			steps++;
			assertThat(steps).isLessThanOrEqualTo(9); // 2^8 > 200
		}
	}

	@Property
	void activityResetsToActiveWhateverCameBefore(@ForAll @IntRange(min = 1, max = 600) int active,
			@ForAll @IntRange(min = 1, max = 200) int factor, @ForAll @IntRange(min = 0, max = 600) int hold,
			@ForAll @LongRange(min = 0, max = 1_000_000) long previousSeconds) {
		PollingRule rule = rule(active, factor, hold);
		Instant now = T0.plusSeconds(previousSeconds);
		assertThat(rule.next(Duration.ofSeconds(previousSeconds), now, now)).isEqualTo(rule.active());
	}
}
