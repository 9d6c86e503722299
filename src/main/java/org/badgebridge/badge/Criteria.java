package org.badgebridge.badge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A badge's criteria: a tree of {@link Criterion} and an optional deadline. */
public record Criteria(Criterion root, Instant deadline) {

	public Criteria {
		if (root == null) {
			throw new InvalidBadgeException("Criteria need at least one rule.", "common.error.criteria.empty");
		}
	}

	/** Every score rule's column, for the sync to read. */
	public List<Criterion.Column> columns() {
		List<Criterion.Column> columns = new ArrayList<>();
		collect(root, columns);
		return columns;
	}

	/** Every approval criterion, for the learner's "ask for approval" and the teacher's queue. */
	public List<Criterion.Approval> approvals() {
		List<Criterion.Approval> out = new ArrayList<>();
		collectApprovals(root, out);
		return out;
	}

	private static void collectApprovals(Criterion c, List<Criterion.Approval> out) {
		if (c instanceof Criterion.Approval a) {
			out.add(a);
		}
		else if (c instanceof Criterion.Group group) {
			group.children().forEach(child -> collectApprovals(child, out));
		}
	}

	private static void collect(Criterion c, List<Criterion.Column> out) {
		if (c instanceof Criterion.ScoreRule rule) {
			out.add(rule.column());
		}
		else if (c instanceof Criterion.Group group) {
			group.children().forEach(child -> collect(child, out));
		}
	}
}
