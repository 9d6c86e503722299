package org.badgebridge.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.badgebridge.award.AwardFigures.WeekFigures;
import org.badgebridge.award.AwardState;
import org.badgebridge.course.SyncFigures.PlatformSyncs;
import org.badgebridge.mail.MailState;
import org.badgebridge.platform.PlatformFigures.Platform;
import org.badgebridge.platform.RegistrationState;

/** What the dashboard shows, each figure as its module counted it. */
record Dashboard(List<PlatformRow> platforms, Map<RegistrationState, Long> platformStates, long coursesOk, long coursesFailing,
		long coursesNever, List<WeekFigures> weeks, Map<AwardState, Long> awards, Map<MailState, Long> mails, List<KeyAge> keys) {

	/** A platform with its courses' syncs (all zero when it has no course yet). */
	record PlatformRow(Platform platform, PlatformSyncs syncs) {
	}

	/** A signing key: what it signs, its id, when it was made and how many whole days ago. */
	record KeyAge(String purpose, String kid, Instant createdAt, long days) {

		static KeyAge of(String purpose, String kid, Instant createdAt, Instant now) {
			return new KeyAge(purpose, kid, createdAt, Duration.between(createdAt, now).toDays());
		}
	}
}
