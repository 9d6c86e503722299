package org.badgebridge.badge;

import java.util.List;

/**
 * A node of a badge's criteria tree, stored as data: a score rule on one column, a group (all, any, at least
 * N of), or a teacher's approval. Each node has a key, stable across edits, that progress is reported under.
 */
public sealed interface Criterion permits Criterion.ScoreRule, Criterion.Group, Criterion.Approval {

	String key();

	String label();

	/** A grade column, by its LMS line item; resourceId and tag let it be found again after a course copy or restore. */
	record Column(String lineItemId, String resourceId, String tag, String label) {
	}

	enum Threshold {
		/** At least N percent of the column's maximum. */
		PERCENT,
		/** At least N points. */
		POINTS,
		/** Simply "has a final result" (completion). */
		COMPLETED
	}

	record ScoreRule(String key, Column column, Threshold threshold, double value) implements Criterion {

		public ScoreRule {
			if (threshold == Threshold.PERCENT && (value < 0 || value > 100)) {
				throw new InvalidBadgeException("A percentage threshold is between 0 and 100, not " + value + ".", "common.error.criteria.percent", value);
			}
			if (threshold == Threshold.POINTS && value < 0) {
				throw new InvalidBadgeException("A points threshold cannot be negative.", "common.error.criteria.points");
			}
			if (column == null || column.lineItemId() == null || column.lineItemId().isBlank()) {
				throw new InvalidBadgeException("A score rule needs a column.", "common.error.criteria.column");
			}
		}

		@Override
		public String label() {
			String name = column.label() == null ? "column" : column.label();
			return switch (threshold) {
				case PERCENT -> "At least " + trim(value) + "% on " + name;
				case POINTS -> "At least " + trim(value) + " points on " + name;
				case COMPLETED -> "A result on " + name;
			};
		}
	}

	enum Mode {
		ALL, ANY, AT_LEAST
	}

	record Group(String key, Mode mode, int atLeast, List<Criterion> children) implements Criterion {

		public Group {
			children = List.copyOf(children);
			if (children.isEmpty()) {
				throw new InvalidBadgeException("A group of criteria needs at least one criterion.", "common.error.criteria.children");
			}
			if (mode != Mode.AT_LEAST) {
				atLeast = 0; // meaningful only for "at least N of"
			}
			if (mode == Mode.AT_LEAST && (atLeast < 1 || atLeast > children.size())) {
				throw new InvalidBadgeException("\"At least N of\" needs N between 1 and " + children.size() + ", not " + atLeast + ".",
						"common.error.criteria.atLeast", children.size(), atLeast);
			}
		}

		@Override
		public String label() {
			return switch (mode) {
				case ALL -> "All of";
				case ANY -> "Any of";
				case AT_LEAST -> "At least " + atLeast + " of";
			};
		}
	}

	/** A teacher must approve; the learner may ask with a short evidence note or URL. */
	record Approval(String key, String prompt) implements Criterion {

		@Override
		public String label() {
			return prompt == null || prompt.isBlank() ? "Approved by a teacher" : prompt;
		}
	}

	private static String trim(double d) {
		return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
	}
}
