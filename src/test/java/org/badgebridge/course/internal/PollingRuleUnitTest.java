package org.badgebridge.course.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollingRuleUnitTest {

	static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

	final PollingRule rule = new PollingRule(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(2), true);

	@Test
	void keepsTheActiveIntervalWithinTheHoldAfterActivity() {
		assertThat(rule.next(Duration.ofMinutes(32), T0, T0.plus(Duration.ofMinutes(119)))).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void doublesStepByStepOnceTheHoldIsOverUpToTheIdleInterval() {
		Instant quiet = T0.plus(Duration.ofHours(3));
		assertThat(rule.next(Duration.ofMinutes(1), T0, quiet)).isEqualTo(Duration.ofMinutes(2));
		assertThat(rule.next(Duration.ofMinutes(2), T0, quiet)).isEqualTo(Duration.ofMinutes(4));
		assertThat(rule.next(Duration.ofMinutes(32), T0, quiet)).isEqualTo(Duration.ofHours(1));
		assertThat(rule.next(Duration.ofHours(1), T0, quiet)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aCourseWithoutAnyActivityBacksOffToo() {
		assertThat(rule.next(Duration.ofMinutes(4), null, T0)).isEqualTo(Duration.ofMinutes(8));
		assertThat(rule.next(null, null, T0)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void aChangeJustSeenResetsToTheActiveInterval() {
		assertThat(rule.next(Duration.ofHours(1), T0, T0)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void activityStampedInTheFutureCountsAsNow() {
		assertThat(rule.next(Duration.ofHours(1), T0.plusSeconds(30), T0)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void theFixedRuleOfEarlierVersionsJumpsStraightToIdle() {
		PollingRule fixed = PollingRule.fixed(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24));
		assertThat(fixed.next(Duration.ofMinutes(1), T0, T0.plus(Duration.ofHours(23)))).isEqualTo(Duration.ofMinutes(1));
		assertThat(fixed.next(Duration.ofMinutes(1), T0, T0.plus(Duration.ofHours(25)))).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void soonIsTheActiveIntervalWhenTheNextSyncIsFurtherAway() {
		assertThat(rule.wakes(Duration.ofMinutes(8))).isTrue();
		assertThat(rule.wakes(Duration.ofMinutes(1))).isFalse();
		assertThat(rule.wakes(Duration.ofMinutes(1), T0.plusSeconds(30), T0)).isFalse();
		assertThat(rule.wakes(Duration.ofMinutes(1), T0.plus(Duration.ofMinutes(20)), T0)).isTrue(); // deferred far ahead
	}

	@Test
	void refusesIntervalsThatMakeNoSense() {
		assertThatThrownBy(() -> new PollingRule(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(2), true))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new PollingRule(Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(2), true))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
