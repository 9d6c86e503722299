package org.badgebridge.course;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import org.badgebridge.course.internal.ColumnSelection;
import org.badgebridge.course.internal.PollState;
import org.badgebridge.course.internal.RequestBudget;
import org.badgebridge.course.internal.SyncSettings;
import org.badgebridge.lms.AgsClient;
import org.badgebridge.lms.LineItem;
import org.badgebridge.lms.NrpsClient;
import org.badgebridge.platform.Registration;

/**
 * The reads of one course sync, as the course's polling state plans them: the line items (always: a new column
 * must be seen), the results of the columns criteria use (every column when the sync reads everything), and the
 * roster when {@link org.badgebridge.course.internal.RosterRule} says so. Every request is taken from the platform's
 * budget first; when it is spent the sync stops with {@link BudgetSpent} and runs again later.
 */
@Component
class SyncReads {

	private static final Logger log = LoggerFactory.getLogger(SyncReads.class);

	/** What a sync read so far (kept when it stops half-way). */
	static final class Tally {

		int calls;

		int changed;

		String note;

		Long rosterReadAt;

		int outside;
	}

	/** The platform's request budget for this minute is spent (or the platform answered 429): run again later. */
	static final class BudgetSpent extends RuntimeException {

		BudgetSpent(String platform) {
			super("The request budget of " + platform + " is spent for this minute.");
		}
	}

	private final AgsClient ags;

	private final NrpsClient nrps;

	private final SyncedGradebook gradebook;

	private final SyncedRoster roster;

	private final RequestBudget budget;

	private final SyncSettings settings;

	private final PollState polls;

	private final ObjectProvider<ColumnsInUse> columnsInUse;

	SyncReads(AgsClient ags, NrpsClient nrps, SyncedGradebook gradebook, SyncedRoster roster, RequestBudget budget,
			SyncSettings settings, PollState polls, ObjectProvider<ColumnsInUse> columnsInUse) {
		this.ags = ags;
		this.nrps = nrps;
		this.gradebook = gradebook;
		this.roster = roster;
		this.budget = budget;
		this.settings = settings;
		this.polls = polls;
		this.columnsInUse = columnsInUse;
	}

	void read(CourseContext context, Registration registration, long start, Tally tally) {
		long contextId = context.id();
		PollState.Plan plan = polls.plan(contextId);
		int perMinute = settings.requestsPerMinute(registration.id());
		take(registration, perMinute);
		List<LineItem> items = ags.lineItems(registration, context.lineItemsUrl(), AgsClient.LineItemFilter.none());
		tally.calls++;
		ColumnsInUse used = plan.readAll() ? null : columnsInUse.getIfUnique();
		List<LineItem> toRead = ColumnSelection.toRead(items, used == null ? null : used.columns(contextId), plan.readAll());
		for (LineItem item : items) {
			long id = gradebook.storeLineItem(contextId, item, start);
			if (toRead.contains(item)) {
				take(registration, perMinute);
				tally.changed += gradebook.storeResults(id, ags.results(registration, item.id(), null), start);
				tally.calls++;
			}
		}
		if (context.membershipsUrl() == null) {
			return;
		}
		int outside = roster.resultsOutsideRoster(contextId);
		if (settings.rosterRule().due(plan.readAll(), plan.rosterReadAt(), Instant.ofEpochMilli(start), outside,
				plan.outsideAfterRoster())) {
			take(registration, perMinute);
			roster.store(contextId, nrps.members(registration, context.membershipsUrl(), null));
			tally.calls++;
			outside = roster.resultsOutsideRoster(contextId);
			tally.rosterReadAt = start;
		}
		tally.outside = outside;
		if (outside > 0) {
			tally.note = outside + " result(s) belong to users who are not in the course's roster (left the course, or not "
					+ "visible to the tool); they are kept but nobody is awarded for them.";
			log.warn("Course {}: {}", contextId, tally.note);
		}
	}

	private void take(Registration registration, int perMinute) {
		if (!budget.take(registration.id(), perMinute)) {
			throw new BudgetSpent(registration.name());
		}
	}
}
