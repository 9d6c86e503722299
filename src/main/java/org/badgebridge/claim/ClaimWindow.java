package org.badgebridge.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;

/**
 * The claim window: reminders before a claim link ends ({@code badgebridge.claim.reminder-days}, days before the end,
 * default 14 and 3), which the learner can switch off, and a new link on request when the old one ended (sent to the
 * same address; the new link replaces the old one, so each ended link brings one new mail at most). A learner may also
 * switch reminders off for all their awards ({@link ReminderPreferences}, kept by their account).
 */
@Service
public class ClaimWindow {

	private static final Logger log = LoggerFactory.getLogger(ClaimWindow.class);

	/** What asking for a new link did. */
	public enum Renewal {
		/** A new link is on its way. */
		SENT,
		/** The link still works, or the badge was claimed or revoked: nothing to renew. */
		NOT_NEEDED,
		/** No address is known for the learner. */
		NO_ADDRESS
	}

	private final ClaimLinks links;

	private final ClaimMails mails;

	private final Awards awards;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final List<Integer> reminderDays;

	private final List<ReminderPreferences> preferences;

	public ClaimWindow(ClaimLinks links, ClaimMails mails, Awards awards, JdbcClient jdbc, Clock clock,
			@Value("${badgebridge.claim.reminder-days:14,3}") List<Integer> reminderDays, List<ReminderPreferences> preferences) {
		this.preferences = List.copyOf(preferences);
		this.links = links;
		this.mails = mails;
		this.awards = awards;
		this.jdbc = jdbc;
		this.clock = clock;
		this.reminderDays = reminderDays.stream().filter(d -> d > 0).sorted().toList();
	}

	/**
	 * Sends the reminders that are due: for each unused link ending within the largest threshold, the nearest threshold
	 * the window is past (one mail even when a check was missed), unless the first mail came inside that threshold anyway
	 * or the learner switched reminders off. Returns how many were queued.
	 */
	public int remindDue() {
		if (reminderDays.isEmpty()) {
			return 0;
		}
		Instant now = clock.instant();
		int sent = 0;
		for (ClaimLinks.Open open : links.endingWithin(Duration.ofDays(reminderDays.get(reminderDays.size() - 1)), 500)) {
			if (preferences.stream().anyMatch(p -> p.remindersOff(open.awardId()))) {
				continue; // the learner switched reminders off for all their awards
			}
			Duration left = Duration.between(now, open.expiresAt());
			int days = reminderDays.stream().filter(d -> left.compareTo(Duration.ofDays(d)) <= 0).findFirst().orElseThrow();
			if (!open.createdAt().isBefore(open.expiresAt().minus(Duration.ofDays(days))) || remindersOff(open.awardId())
					|| declined(open.awardId())) {
				continue;
			}
			try {
				if (mails.remind(open.awardId(), open.expiresAt(), days)) {
					sent++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Claim reminder for award {} not sent; the next check tries again", open.awardId(), ex);
			}
		}
		return sent;
	}

	/** Switches off the reminders for the award of this link (a link of a mail the learner received). */
	@Transactional
	public Optional<Award> stopReminders(String token) {
		Optional<Award> award = links.resolve(token).flatMap(l -> awards.find(l.awardId()));
		award.filter(a -> !remindersOff(a.id())).ifPresent(a -> jdbc
				.sql("insert into claim_reminder_optout (award_id, created_at) values (?,?)").params(a.id(), clock.millis()).update());
		return award;
	}

	/** Whether the reminders for the award of this link are off. */
	public boolean stopped(String token) {
		return links.resolve(token).map(l -> remindersOff(l.awardId())).orElse(false);
	}

	public boolean remindersOff(String awardId) {
		return jdbc.sql("select count(*) from claim_reminder_optout where award_id=?").param(awardId).query(Integer.class).single() > 0;
	}

	/** A declined award gets no reminders (the learner said no; they can still accept it from their backpack). */
	private boolean declined(String awardId) {
		return awards.find(awardId).map(Award::declined).orElse(false);
	}

	/** A new link to the same address for an ended link whose badge is still to claim. */
	@Transactional
	public Renewal renew(String token) {
		ClaimLinks.Link link = links.resolve(token).orElse(null);
		Award award = link == null ? null : awards.find(link.awardId()).orElse(null);
		if (award == null || !link.expired(clock.instant()) || award.claimed() || award.revoked()) {
			return Renewal.NOT_NEEDED;
		}
		if (awards.recipientEmail(award) == null) {
			return Renewal.NO_ADDRESS;
		}
		return mails.resend(award.id()) ? Renewal.SENT : Renewal.NOT_NEEDED;
	}

	/** The address the claim mails go to, shown masked ({@code s***@example.nl}) to whoever holds the link. */
	public Optional<String> maskedAddress(String token) {
		return links.resolve(token).flatMap(l -> awards.find(l.awardId())).map(awards::recipientEmail).map(ClaimWindow::mask);
	}

	static String mask(String email) {
		int at = email.indexOf('@');
		return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
	}
}
