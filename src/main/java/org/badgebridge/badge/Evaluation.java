package org.badgebridge.badge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a learner against a badge's criteria: a pure function of the criteria, the learner's results per
 * column and the approvals granted. The outcome explains itself: progress per criterion (what the learner's
 * panel shows as bars) and whether the whole is met.
 */
public final class Evaluation {

	private Evaluation() {
	}

	/** A learner's result in one column; {@code score} null means no score (not graded, or Moodle's zero). */
	public record ColumnResult(Double score, Double maximum, Instant timestamp) {
	}

	/** Progress on one criterion; {@code result} is the learner's result in words (e.g. "8 / 10"), null if none. */
	public record Progress(String key, String label, double fraction, boolean met, List<Progress> children, String result) {

		public Progress(String key, String label, double fraction, boolean met, List<Progress> children) {
			this(key, label, fraction, met, children, null);
		}
	}

	public record Outcome(boolean met, Progress progress) {
	}

	/**
	 * @param results the learner's results by line item id
	 * @param approvals keys of approval criteria a teacher approved for this learner
	 */
	public static Outcome evaluate(Criteria criteria, Map<String, ColumnResult> results, Set<String> approvals) {
		Progress progress = evaluate(criteria.root(), results, approvals, criteria.deadline());
		return new Outcome(progress.met(), progress);
	}

	private static Progress evaluate(Criterion criterion, Map<String, ColumnResult> results, Set<String> approvals,
			Instant deadline) {
		if (criterion instanceof Criterion.ScoreRule rule) {
			return score(rule, results.get(rule.column().lineItemId()), deadline);
		}
		if (criterion instanceof Criterion.Approval approval) {
			boolean ok = approvals.contains(approval.key());
			return new Progress(approval.key(), approval.label(), ok ? 1 : 0, ok, List.of());
		}
		Criterion.Group group = (Criterion.Group) criterion;
		List<Progress> children = new ArrayList<>();
		for (Criterion child : group.children()) {
			children.add(evaluate(child, results, approvals, deadline));
		}
		long metCount = children.stream().filter(Progress::met).count();
		int needed = switch (group.mode()) {
			case ALL -> children.size();
			case ANY -> 1;
			case AT_LEAST -> group.atLeast();
		};
		boolean met = metCount >= needed;
		// progress: the best `needed` children, averaged
		double fraction = met ? 1 : children.stream().map(Progress::fraction).sorted(Comparator.reverseOrder()).limit(needed)
				.mapToDouble(Double::doubleValue).sum() / needed;
		return new Progress(group.key(), group.label(), clamp(fraction), met, List.copyOf(children));
	}

	private static Progress score(Criterion.ScoreRule rule, ColumnResult result, Instant deadline) {
		boolean counts = result != null && result.score() != null
				&& (deadline == null || result.timestamp() == null || !result.timestamp().isAfter(deadline));
		double fraction;
		boolean met;
		if (!counts) {
			fraction = 0;
			met = false;
		}
		else {
			double score = result.score();
			switch (rule.threshold()) {
				case COMPLETED -> {
					fraction = 1;
					met = true;
				}
				case POINTS -> {
					met = score >= rule.value();
					fraction = rule.value() <= 0 ? 1 : score / rule.value();
				}
				default -> {
					double max = result.maximum() == null || result.maximum() <= 0 ? 0 : result.maximum();
					double percent = max == 0 ? 0 : score / max * 100;
					met = max > 0 && percent >= rule.value() - 1e-9;
					fraction = rule.value() <= 0 ? (max > 0 ? 1 : 0) : percent / rule.value();
				}
			}
		}
		String shown = counts ? number(result.score()) + (result.maximum() != null && result.maximum() > 0 ? " / " + number(result.maximum()) : "")
				: null;
		return new Progress(rule.key(), rule.label(), met ? 1 : clamp(Math.min(fraction, 0.999)), met, List.of(), shown);
	}

	private static String number(double d) {
		return d == Math.rint(d) ? String.valueOf((long) d) : String.format(java.util.Locale.ROOT, "%.2f", d);
	}

	private static double clamp(double d) {
		return Double.isNaN(d) ? 0 : Math.max(0, Math.min(1, d));
	}
}
