package org.badgebridge.award;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.badgebridge.badge.Evaluation;

/** The evidence of an automatic award in words: each criterion that was met, with the learner's result. */
final class Evidence {

	private static final int MAX = 3900;

	private Evidence() {
	}

	static String of(Evaluation.Outcome outcome) {
		if (outcome == null || outcome.progress() == null) {
			return null;
		}
		List<String> lines = new ArrayList<>();
		collect(outcome.progress(), lines);
		String text = String.join("\n", lines);
		return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
	}

	private static void collect(Evaluation.Progress p, List<String> lines) {
		if (p.children() == null || p.children().isEmpty()) {
			lines.add((p.met() ? "Met: " : "Not needed: ") + p.label() + (p.result() != null ? " (result " + p.result() + ")"
					: String.format(Locale.ROOT, " (%.0f%% of the requirement)", Math.min(1.0, p.fraction()) * 100)));
			return;
		}
		for (Evaluation.Progress child : p.children()) {
			collect(child, lines);
		}
	}
}
