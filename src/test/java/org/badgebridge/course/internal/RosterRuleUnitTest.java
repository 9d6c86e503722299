package org.badgebridge.course.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RosterRuleUnitTest {

	static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

	final RosterRule rule = new RosterRule(Duration.ofMinutes(30));

	@Test
	void skipsTheRosterWithinItsInterval() {
		assertThat(rule.due(false, T0, T0.plus(Duration.ofMinutes(29)), 2, 2)).isFalse();
	}

	@Test
	void readsItOnceTheIntervalPassedOrWhenNeverRead() {
		assertThat(rule.due(false, T0, T0.plus(Duration.ofMinutes(30)), 0, 0)).isTrue();
		assertThat(rule.due(false, null, T0, 0, 0)).isTrue();
	}

	@Test
	void readsItAtOnceWhenResultsNameSomeoneNew() {
		assertThat(rule.due(false, T0, T0.plusSeconds(60), 3, 2)).isTrue();
	}

	@Test
	void readsItWhenTheSyncReadsEverything() {
		assertThat(rule.due(true, T0, T0.plusSeconds(1), 0, 0)).isTrue();
	}
}
