package org.badgebridge.badge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A badge's criteria: a tree of {@link Criterion} and an optional deadline. */
public record Criteria(Criterion root, Instant deadline) {

	public Criteria {
		if (root == null) {
			throw new InvalidBadgeException("Criteria need at least one rule.");
		}
	}

	/** Every score rule's column, for the sync to read. */
	public List<Criterion.Column> columns() {
		List<Criterion.Column> columns = new ArrayList<>();
		collect(root, columns);
		return columns;
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
