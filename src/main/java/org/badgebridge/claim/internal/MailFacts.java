package org.badgebridge.claim.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.badge.Issuers;
import org.badgebridge.course.CourseData;
import org.badgebridge.course.Courses;
import org.badgebridge.credential.OpenBadges2;

/**
 * What every mail to a learner takes from the learner and the institution: the language to write in, the issuer as it
 * introduces itself (name, country, site, logo) and the time zone its dates are given in, named.
 */
@Component
public class MailFacts {

	/** The zone of an institution whose profile names none. */
	static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Amsterdam");

	private final Courses courses;

	private final CourseData courseData;

	private final Issuers issuers;

	private final OpenBadges2 ob2;

	private final MessageSource messages;

	MailFacts(Courses courses, CourseData courseData, Issuers issuers, OpenBadges2 ob2, MessageSource messages) {
		this.courses = courses;
		this.courseData = courseData;
		this.issuers = issuers;
		this.ob2 = ob2;
		this.messages = messages;
	}

	/**
	 * The learner's language: their own as last stored (launch or their choice), else {@code fallback} (the award's),
	 * else the course's (a learner who never launched); Dutch or English.
	 */
	public Locale locale(long contextId, String userSub, String fallback) {
		String stored = courseData.member(contextId, userSub).map(CourseData.Member::locale).orElse(null);
		if (stored == null || stored.isBlank()) {
			stored = fallback;
		}
		if (stored == null || stored.isBlank()) {
			stored = courses.defaultLocale(contextId).orElse(null);
		}
		return language(stored);
	}

	/** Dutch for any Dutch tag ({@code nl}, {@code nl-NL}, Moodle's {@code nl_be}), else English. */
	public static Locale language(String value) {
		if (value != null && value.toLowerCase(Locale.ROOT).startsWith("nl")) {
			return Locale.forLanguageTag("nl");
		}
		return Locale.ENGLISH;
	}

	/** The institution's time zone (its issuer profile's, Europe/Amsterdam unless set). */
	public static ZoneId zone(IssuerProfile issuer) {
		return issuer == null ? DEFAULT_ZONE : issuer.zone();
	}

	/** A moment as the institution's clocks show it, in the mail's language, naming the zone. */
	public String dateTime(Instant at, IssuerProfile issuer, Locale locale) {
		return DateTimeFormatter.ofPattern(messages.getMessage("mail.format.date-time", null, locale), locale).withZone(zone(issuer))
				.format(at);
	}

	/** The issuer of a course's badges when no badge is at hand: its registration's, else the default. */
	public IssuerProfile issuerOfCourse(long contextId) {
		return courses.context(contextId).map(c -> issuers.forRegistration(c.registrationId())).orElseGet(issuers::defaultIssuer);
	}

	/** The model every learner mail's signature reads: {@code issuerName}, {@code issuerCountry}, {@code issuerUrl}, {@code issuerLogoUrl}. */
	public Map<String, Object> model(IssuerProfile issuer, Locale locale) {
		Map<String, Object> model = new HashMap<>();
		model.put("issuerName", issuer.name());
		model.put("issuerCountry", issuer.country() == null || issuer.country().isBlank() ? null
				: new Locale("", issuer.country().trim().toUpperCase(Locale.ROOT)).getDisplayCountry(locale));
		model.put("issuerUrl", issuer.url() == null || issuer.url().isBlank() ? null : issuer.url());
		model.put("issuerLogoUrl", ob2.logoUrl(issuer.id()).orElse(null));
		return model;
	}
}
