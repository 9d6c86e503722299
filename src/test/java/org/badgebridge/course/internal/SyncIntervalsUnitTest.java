package org.badgebridge.course.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncIntervalsUnitTest {

	static final Duration ONE_MINUTE = Duration.ofMinutes(1);

	static final Duration ONE_HOUR = Duration.ofHours(1);

	@Test
	void readsIntervalsAsTypedAndBlankAsTheDefault() {
		SyncIntervals s = SyncIntervals.of("90s", " ", "600", ONE_MINUTE, ONE_HOUR);
		assertThat(s.active()).isEqualTo(Duration.ofSeconds(90));
		assertThat(s.idle()).isNull();
		assertThat(s.requestsPerMinute()).isEqualTo(600);
		assertThat(SyncIntervals.text(Duration.ofSeconds(90))).isEqualTo("90s");
		assertThat(SyncIntervals.text(ONE_HOUR)).isEqualTo("1h");
	}

	@Test
	void refusesAtTheFieldThatIsWrong() {
		assertThatThrownBy(() -> SyncIntervals.of("soon", "", "", ONE_MINUTE, ONE_HOUR))
				.isInstanceOfSatisfying(SyncSettingRefused.class, ex -> assertThat(ex.field()).isEqualTo("active"));
		assertThatThrownBy(() -> SyncIntervals.of("5s", "", "", ONE_MINUTE, ONE_HOUR))
				.isInstanceOfSatisfying(SyncSettingRefused.class, ex -> assertThat(ex.messageKey()).isEqualTo("admin.syncSettings.error.active"));
		assertThatThrownBy(() -> SyncIntervals.of("", "30s", "", ONE_MINUTE, ONE_HOUR))
				.isInstanceOfSatisfying(SyncSettingRefused.class, ex -> assertThat(ex.field()).isEqualTo("idle"));
		assertThatThrownBy(() -> SyncIntervals.of("2h", "", "", ONE_MINUTE, ONE_HOUR))
				.isInstanceOfSatisfying(SyncSettingRefused.class, ex -> assertThat(ex.field()).isEqualTo("idle"));
		assertThatThrownBy(() -> SyncIntervals.of("", "8d", "", ONE_MINUTE, ONE_HOUR))
				.isInstanceOfSatisfying(SyncSettingRefused.class, ex -> assertThat(ex.field()).isEqualTo("idle"));
		assertThatThrownBy(() -> SyncIntervals.of("", "", "59", ONE_MINUTE, ONE_HOUR))
				.isInstanceOfSatisfying(SyncSettingRefused.class, ex -> assertThat(ex.field()).isEqualTo("budget"));
		assertThatThrownBy(() -> SyncIntervals.of("", "", "many", ONE_MINUTE, ONE_HOUR))
				.isInstanceOfSatisfying(SyncSettingRefused.class, ex -> assertThat(ex.field()).isEqualTo("budget"));
	}
}
