package org.badgebridge.console.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import org.badgebridge.award.AwardFigures;
import org.badgebridge.award.IsoWeek;
import org.badgebridge.course.SyncFigures;
import org.badgebridge.course.SyncFigures.PlatformSyncs;
import org.badgebridge.credential.CredentialKeys;
import org.badgebridge.mail.MailFigures;
import org.badgebridge.platform.PlatformFigures;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.ToolKeys;

/** Gathers the dashboard's figures from the modules that own them (each counted in SQL there). */
@Component
class DashboardFigures {

	/** How many ISO weeks of awards and claims the dashboard shows. */
	static final int WEEKS = 8;

	private final PlatformFigures platforms;

	private final SyncFigures syncs;

	private final AwardFigures awards;

	private final MailFigures mails;

	private final ToolKeys toolKeys;

	private final CredentialKeys credentialKeys;

	private final Clock clock;

	DashboardFigures(PlatformFigures platforms, SyncFigures syncs, AwardFigures awards, MailFigures mails, ToolKeys toolKeys,
			CredentialKeys credentialKeys, Clock clock) {
		this.platforms = platforms;
		this.syncs = syncs;
		this.awards = awards;
		this.mails = mails;
		this.toolKeys = toolKeys;
		this.credentialKeys = credentialKeys;
		this.clock = clock;
	}

	Dashboard now(ZoneId zone) {
		Instant now = clock.instant();
		Map<Long, PlatformSyncs> perPlatform = syncs.perPlatform().stream()
				.collect(Collectors.toMap(PlatformSyncs::registrationId, Function.identity()));
		List<Dashboard.PlatformRow> rows = new ArrayList<>();
		Map<RegistrationState, Long> states = new EnumMap<>(RegistrationState.class);
		for (RegistrationState s : RegistrationState.values()) {
			states.put(s, 0L);
		}
		for (PlatformFigures.Platform p : platforms.all()) {
			rows.add(new Dashboard.PlatformRow(p, perPlatform.getOrDefault(p.id(), new PlatformSyncs(p.id(), 0, 0, 0, 0, 0, null, null))));
			states.merge(p.state(), 1L, Long::sum);
		}
		// courses of every platform, including any whose registration was deleted since
		long ok = perPlatform.values().stream().mapToLong(PlatformSyncs::ok).sum();
		long failing = perPlatform.values().stream().mapToLong(PlatformSyncs::failing).sum();
		long never = perPlatform.values().stream().mapToLong(PlatformSyncs::never).sum();
		List<Dashboard.KeyAge> keys = new ArrayList<>();
		toolKeys.currentKey().ifPresent(k -> keys.add(Dashboard.KeyAge.of("tool", k.kid(), k.createdAt(), now)));
		for (CredentialKeys.CurrentKey k : credentialKeys.current()) {
			keys.add(Dashboard.KeyAge.of(k.algorithm(), k.kid(), k.createdAt(), now));
		}
		List<IsoWeek> weeks = IsoWeek.lastWeeks(WEEKS, LocalDate.ofInstant(now, zone));
		return new Dashboard(rows, states, ok, failing, never, awards.perWeek(weeks, zone), awards.byState(), mails.byState(), keys);
	}
}
