package org.badgebridge.teaching.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.badgebridge.award.AwardStates;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.course.CourseLearners;
import org.badgebridge.course.CourseSyncs;
import org.badgebridge.course.SyncStatus;

/**
 * What a badge's dashboard shows of its learners, all read from the database (so every node answers alike): the
 * counts earned / in progress / not started, one page of the table, and the state of the course's sync in words.
 */
@Component
class LearnerTable {

	static final int PAGE_SIZE = 50;

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	/** Earned (awards that stand), in progress (a grade in what counts, not earned), not started (no grade yet). */
	public record Counts(int learners, int earned, int inProgress, int notStarted) {

		public int percent(int n) {
			return learners == 0 ? 0 : Math.round(n * 100f / learners);
		}
	}

	/** A learner row: the course's data and the award, if any (null: not earned). */
	public record Row(CourseLearners.Row learner, AwardStates.Held award) {

		/** The message key of the learner's state: earned, claimed, suspended, revoked, in progress or not started. */
		public String stateKey() {
			return award != null ? "teaching.state." + award.state()
					: learner.score() == null ? "teaching.state.notStarted" : "teaching.state.inProgress";
		}

		/** A number as people of that language write it, at most one decimal ("?" when unknown). */
		public String number(Double value, Locale locale) {
			if (value == null) {
				return "?";
			}
			java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
			f.setMaximumFractionDigits(1);
			return f.format(value);
		}
	}

	private final CourseLearners learners;

	private final AwardStates awards;

	private final CourseSyncs syncs;

	private final MessageSource messages;

	LearnerTable(CourseLearners learners, AwardStates awards, CourseSyncs syncs, MessageSource messages) {
		this.learners = learners;
		this.awards = awards;
		this.syncs = syncs;
		this.messages = messages;
	}

	/** The column whose score the table shows: the first one the criteria name (null without criteria). */
	static String scoreColumn(BadgeClass badge) {
		return badge.hasCriteria() && !badge.criteria().columns().isEmpty() ? badge.criteria().columns().get(0).lineItemId()
				: null;
	}

	static String scoreLabel(BadgeClass badge) {
		return badge.hasCriteria() && !badge.criteria().columns().isEmpty() ? badge.criteria().columns().get(0).label() : null;
	}

	Counts counts(BadgeClass badge) {
		List<String> columns = badge.hasCriteria() ? badge.criteria().columns().stream().map(c -> c.lineItemId()).distinct().toList()
				: List.of();
		Map<String, Boolean> graded = learners.graded(badge.contextId(), columns);
		java.util.Set<String> standing = awards.standing(badge.id(), badge.contextId());
		int earned = 0;
		int inProgress = 0;
		for (Map.Entry<String, Boolean> e : graded.entrySet()) {
			if (standing.contains(e.getKey())) {
				earned++;
			}
			else if (e.getValue()) {
				inProgress++;
			}
		}
		return new Counts(graded.size(), earned, inProgress, graded.size() - earned - inProgress);
	}

	CourseLearners.Page page(BadgeClass badge, String search, CourseLearners.Sort sort, int page) {
		boolean byState = sort == CourseLearners.Sort.STATE || sort == CourseLearners.Sort.STATE_DESC;
		CourseLearners.Ranking ranking = byState ? ranking(awards.all(badge.id(), badge.contextId())) : CourseLearners.Ranking.NONE;
		return learners.page(badge.contextId(), scoreColumn(badge), search, sort, ranking, page, PAGE_SIZE);
	}

	/**
	 * The order of states, earned first: earned, claimed, in progress, not started (the course knows these two from
	 * the grades), suspended, revoked. The award holders go to the database as lists of user ids.
	 */
	static CourseLearners.Ranking ranking(Map<String, AwardStates.Held> held) {
		Map<String, List<String>> byState = new java.util.HashMap<>();
		held.forEach((learner, award) -> byState.computeIfAbsent(award.state(), s -> new java.util.ArrayList<>()).add(learner));
		return new CourseLearners.Ranking(List.of(list(byState, "EARNED"), list(byState, "CLAIMED")),
				List.of(list(byState, "SUSPENDED"), list(byState, "REVOKED")));
	}

	private static List<String> list(Map<String, List<String>> byState, String state) {
		return byState.getOrDefault(state, List.of());
	}

	List<Row> rows(BadgeClass badge, CourseLearners.Page page) {
		Map<String, AwardStates.Held> held = awards.of(badge.id(), badge.contextId(),
				page.rows().stream().map(CourseLearners.Row::userSub).toList());
		return page.rows().stream().map(r -> new Row(r, held.get(r.userSub()))).toList();
	}

	/** Whether a sync asked for at {@code since} (epoch ms) has not finished yet (within two minutes of asking). */
	static boolean running(Optional<SyncStatus> status, Long since, long now) {
		if (since == null || now - since > 120_000) {
			return false;
		}
		return status.map(s -> s.lastFinishedAt() == null || s.lastFinishedAt().toEpochMilli() < since).orElse(true);
	}

	/** The sync's state in words: reading, or when the course was last read and how that went. */
	Map<String, Object> status(BadgeClass badge, Long since, long now, Locale locale) {
		Optional<SyncStatus> status = syncs.status(badge.contextId());
		boolean running = running(status, since, now);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("running", running);
		status.ifPresent(s -> {
			out.put("lastFinishedAt", s.lastFinishedAt() == null ? null : s.lastFinishedAt().toString());
			out.put("outcome", s.outcome());
			out.put("error", s.error());
		});
		out.put("text", text(status.orElse(null), running, locale));
		Counts c = counts(badge);
		out.put("learners", c.learners());
		out.put("earned", c.earned());
		out.put("inProgress", c.inProgress());
		out.put("notStarted", c.notStarted());
		out.put("total", messages.getMessage("teaching.counts.total", new Object[] { c.learners() }, locale));
		return out;
	}

	String text(SyncStatus s, boolean running, Locale locale) {
		if (running || s == null) {
			return messages.getMessage("teaching.sync.reading", null, locale);
		}
		String when = format(s.lastFinishedAt(), locale);
		String key = "SUCCESS".equals(s.outcome()) ? "teaching.sync.success" : "teaching.sync.failed";
		return messages.getMessage(key, new Object[] { when, ZONE.getId(), s.error() == null ? "" : s.error() }, locale);
	}

	static String format(Instant instant, Locale locale) {
		return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZONE)
				.format(instant);
	}
}
