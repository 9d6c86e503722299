package org.badgebridge.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times and numbers as the page's language writes them, times (stored in UTC) in the institution's time zone and
 * naming it, for example 1 juni 2026, 14:00 (Midden-Europese zomertijd). Templates call the bean by its name:
 * dates.format(instant, zone), dates.date(instant, zone), dates.number(value); without a zone the default issuer's.
 */
@Component("dates")
public class Dates {

	private final ObjectProvider<InstitutionTimeZone> institution;

	public Dates(ObjectProvider<InstitutionTimeZone> institution) {
		this.institution = institution;
	}

	/** The default issuer's time zone (Europe/Amsterdam until an admin sets another). */
	public ZoneId zone() {
		InstitutionTimeZone z = institution.getIfAvailable();
		return z == null ? InstitutionTimeZone.DEFAULT : z.zone();
	}

	/** Date and time in the zone, with the zone's name, in the page's language; "" for no time. */
	public String format(Instant instant, Object zone) {
		return format(instant, zone, LocaleContextHolder.getLocale());
	}

	public String format(Instant instant) {
		return format(instant, null);
	}

	public String format(Instant instant, Object zone, Locale locale) {
		if (instant == null) {
			return "";
		}
		ZoneId z = zoneOf(zone);
		ZonedDateTime t = instant.atZone(z);
		String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(t);
		String time = DateTimeFormatter.ofPattern("HH:mm", locale).format(t);
		return date + ", " + time + " (" + zoneName(z, t, locale) + ")";
	}

	/** The date alone (no time, no zone name), in the zone, in the page's language. */
	public String date(Instant instant, Object zone) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(LocaleContextHolder.getLocale())
				.format(instant.atZone(zoneOf(zone)));
	}

	public String date(LocalDate date) {
		return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(LocaleContextHolder.getLocale()).format(date);
	}

	/** A number as the page's language writes it (decimal comma in Dutch), at most two decimals. */
	public String number(Number value) {
		if (value == null) {
			return "";
		}
		NumberFormat f = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
		f.setMaximumFractionDigits(2);
		return f.format(value);
	}

	/** The zone's name in the language ("Central European Time", "Midden-Europese tijd"), standard or summer time. */
	public static String zoneName(ZoneId zone, ZonedDateTime at, Locale locale) {
		boolean summer = zone.getRules().isDaylightSavings(at.toInstant());
		java.util.TimeZone tz = java.util.TimeZone.getTimeZone(zone);
		return tz.getDisplayName(summer, java.util.TimeZone.LONG, locale);
	}

	private ZoneId zoneOf(Object zone) {
		if (zone instanceof ZoneId z) {
			return z;
		}
		if (zone instanceof String s && !s.isBlank()) {
			try {
				return ZoneId.of(s.trim());
			}
			catch (java.time.DateTimeException ex) {
				return zone();
			}
		}
		return zone();
	}

	/** A time zone id an admin typed, or null when it is none Java knows. */
	public static ZoneId parseZone(String id) {
		try {
			return id == null || id.isBlank() ? null : ZoneId.of(id.trim());
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

}
