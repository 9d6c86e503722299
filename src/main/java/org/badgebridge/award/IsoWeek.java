package org.badgebridge.award;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO week ({@code 2026-W23}: Monday to Sunday, week 1 holding the year's first Thursday). */
public record IsoWeek(int year, int week) {

	private static final Pattern FORM = Pattern.compile("(\\d{4})-W(\\d{1,2})");

	/** The week a parameter names, or null for none or one that is no week. */
	public static IsoWeek parse(String value) {
		Matcher m = value == null ? null : FORM.matcher(value.trim());
		if (m == null || !m.matches()) {
			return null;
		}
		IsoWeek week = new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
		return week.week() >= 1 && of(week.monday()).equals(week) ? week : null;
	}

	public static IsoWeek of(LocalDate day) {
		return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/** The {@code count} weeks up to and including the one of {@code today}, oldest first. */
	public static List<IsoWeek> lastWeeks(int count, LocalDate today) {
		List<IsoWeek> weeks = new ArrayList<>();
		for (int i = count - 1; i >= 0; i--) {
			weeks.add(of(today.minusWeeks(i)));
		}
		return weeks;
	}

	/** The week's Monday. */
	public LocalDate monday() {
		return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
				.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/** When the week begins in {@code zone}. */
	public Instant start(ZoneId zone) {
		return monday().atStartOfDay(zone).toInstant();
	}

	/** When the next week begins in {@code zone}. */
	public Instant end(ZoneId zone) {
		return monday().plusWeeks(1).atStartOfDay(zone).toInstant();
	}

	@Override
	public String toString() {
		return String.format("%04d-W%02d", year, week);
	}
}
