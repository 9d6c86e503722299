package org.badgebridge.award;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IsoWeekTest {

	@Test
	void weeksBeginOnMondayAndWeekOneHoldsTheFirstThursday() {
		assertThat(IsoWeek.of(LocalDate.of(2021, 1, 3))).as("a Sunday in 2020's last week").isEqualTo(new IsoWeek(2020, 53));
		assertThat(new IsoWeek(2026, 1).monday()).isEqualTo(LocalDate.of(2025, 12, 29));
		assertThat(new IsoWeek(2020, 10).toString()).isEqualTo("2020-W10");
		assertThat(IsoWeek.parse("2020-W10")).isEqualTo(new IsoWeek(2020, 10));
		assertThat(IsoWeek.parse("2021-W53")).as("2021 has 52 weeks").isNull();
		assertThat(IsoWeek.parse("W10")).isNull();
		assertThat(IsoWeek.parse(null)).isNull();
	}

	@Test
	void theLastWeeksOldestFirstAcrossTheYearAndTheirBoundsInTheZone() {
		assertThat(IsoWeek.lastWeeks(3, LocalDate.of(2026, 1, 7))).extracting(IsoWeek::toString)
				.containsExactly("2025-W52", "2026-W01", "2026-W02");
		ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
		IsoWeek summerTimeStarts = new IsoWeek(2026, 13); // 23 to 29 March 2026, clocks go forward on the 29th
		assertThat(summerTimeStarts.end(amsterdam).toEpochMilli() - summerTimeStarts.start(amsterdam).toEpochMilli())
				.isEqualTo((7 * 24 - 1) * 3_600_000L);
	}
}
