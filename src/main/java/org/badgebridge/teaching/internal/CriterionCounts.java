package org.badgebridge.teaching.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.badgebridge.award.Awards;
import org.badgebridge.badge.Evaluation;

/** For each criterion of a badge: its label and how many learners meet it now (the criteria step shows it). */
final class CriterionCounts {

	private CriterionCounts() {
	}

	static Map<String, Object[]> meetingPerCriterion(List<Awards.Standing> standings) {
		Map<String, Object[]> counts = new LinkedHashMap<>();
		for (Awards.Standing s : standings) {
			if (s.outcome() != null) {
				count(s.outcome().progress(), counts);
			}
		}
		return counts;
	}

	private static void count(Evaluation.Progress p, Map<String, Object[]> counts) {
		Object[] entry = counts.computeIfAbsent(p.key(), k -> new Object[] { p.label(), 0 });
		if (p.met()) {
			entry[1] = (Integer) entry[1] + 1;
		}
		p.children().forEach(c -> count(c, counts));
	}
}
