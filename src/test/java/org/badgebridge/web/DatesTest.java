package org.badgebridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Times stored in UTC, shown in the institution's time zone and naming it, in the page's language. */
class DatesTest {

	final StaticListableBeanFactory beans = new StaticListableBeanFactory();

	final Dates dates = new Dates(beans.getBeanProvider(InstitutionTimeZone.class));

	static final Instant SUMMER_NOON_UTC = Instant.parse("2026-06-01T12:00:00Z");

	static final Instant WINTER_NOON_UTC = Instant.parse("2026-12-01T12:00:00Z");

	@Test
	void aTimeIsShownInTheZoneWithTheZonesNameInDutchAndEnglish() {
		assertThat(dates.format(SUMMER_NOON_UTC, "Europe/Amsterdam", Locale.forLanguageTag("nl")))
				.contains("1 juni 2026", "14:00", "Midden-Europese zomertijd");
		assertThat(dates.format(WINTER_NOON_UTC, "Europe/Amsterdam", Locale.forLanguageTag("nl")))
				.contains("1 december 2026", "13:00", "Midden-Europese standaardtijd");
		assertThat(dates.format(SUMMER_NOON_UTC, ZoneId.of("Europe/Amsterdam"), Locale.ENGLISH))
				.contains("June 1, 2026", "14:00", "Central European Summer Time");
		assertThat(dates.format(SUMMER_NOON_UTC, "America/New_York", Locale.ENGLISH)).contains("08:00", "Eastern Daylight Time");
		assertThat(dates.format(null, "Europe/Amsterdam", Locale.ENGLISH)).isEmpty();
	}

	@Test
	void withoutAZoneTheInstitutionsDefaultIsUsedAndAnUnknownZoneFallsBackToIt() {
		assertThat(dates.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
		assertThat(dates.format(SUMMER_NOON_UTC, null, Locale.ENGLISH)).contains("14:00");
		assertThat(dates.format(SUMMER_NOON_UTC, "Mars/Olympus", Locale.ENGLISH)).contains("14:00");
		beans.addBean("tokyo", (InstitutionTimeZone) () -> ZoneId.of("Asia/Tokyo"));
		assertThat(dates.format(SUMMER_NOON_UTC, null, Locale.ENGLISH)).contains("21:00", "Japan Standard Time");
		assertThat(Dates.parseZone("Mars/Olympus")).isNull();
		assertThat(Dates.parseZone(" Europe/Amsterdam ")).isEqualTo(ZoneId.of("Europe/Amsterdam"));
	}

	@Test
	void numbersUseTheLanguagesDecimalSeparator() {
		org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.forLanguageTag("nl"));
		try {
			assertThat(dates.number(7.5)).isEqualTo("7,5");
			assertThat(dates.number(1234.567)).isEqualTo("1.234,57");
		}
		finally {
			org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		}
		assertThat(dates.number(7.5)).isEqualTo("7.5");
	}
}
