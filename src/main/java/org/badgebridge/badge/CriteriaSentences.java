package org.badgebridge.badge;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A badge's criteria in plain words for the learner, one sentence per criterion, each with the learner's progress:
 * done, their result and how far it goes, or "no grade yet" (which is not the same as a score of 0). Built from the
 * criteria tree and the evaluation's progress tree (same shape), in the page's language. The public page of an award
 * gives the same sentences without progress ({@link #plain}).
 */
@Component
public class CriteriaSentences {

	/**
	 * One criterion: its sentence, the learner's state ({@code MET}, {@code NO_GRADE}, {@code PARTIAL}, {@code WAITING}
	 * for an approval), the state in words, progress in percent (null: none to show) and the criteria below it.
	 */
	public record Line(String key, String sentence, String state, String stateText, Integer percent, List<Line> children) {
	}

	private final MessageSource messages;

	public CriteriaSentences(MessageSource messages) {
		this.messages = messages;
	}

	/** The criteria as lines; {@code progress} may be null (results not read yet): every score rule then has no grade yet. */
	public Line lines(Criteria criteria, Evaluation.Progress progress, Locale locale) {
		return line(criteria.root(), progress, locale);
	}

	/** The criteria in one paragraph, without anyone's progress: a group's sentence followed by its criteria, separated by "; ". */
	public String plain(Criteria criteria, Locale locale) {
		return plain(lines(criteria, null, locale));
	}

	private static String plain(Line line) {
		if (line.children().isEmpty()) {
			return line.sentence();
		}
		return line.sentence() + " " + String.join("; ", line.children().stream().map(CriteriaSentences::plain).toList());
	}

	private Line line(Criterion criterion, Evaluation.Progress p, Locale locale) {
		boolean met = p != null && p.met();
		if (criterion instanceof Criterion.ScoreRule rule) {
			String column = rule.column().label() == null || rule.column().label().isBlank() ? text("learning.criteria.a-column", locale)
					: rule.column().label();
			String sentence = switch (rule.threshold()) {
				case PERCENT -> text("learning.criteria.percent", locale, number(rule.value(), locale), column);
				case POINTS -> text("learning.criteria.points", locale, number(rule.value(), locale), column);
				case COMPLETED -> text("learning.criteria.completed", locale, column);
			};
			if (met) {
				return new Line(rule.key(), sentence, "MET", p.result() == null ? text("learning.progress.met", locale)
						: text("learning.progress.met-with", locale, p.result()), 100, List.of());
			}
			if (p == null || p.result() == null) {
				return new Line(rule.key(), sentence, "NO_GRADE", text("learning.progress.no-grade", locale), null, List.of());
			}
			int percent = percent(p.fraction());
			String state = rule.threshold() == Criterion.Threshold.PERCENT
					? text("learning.progress.result-percent", locale, p.result(), Math.round(p.fraction() * rule.value()))
					: text("learning.progress.result", locale, p.result());
			return new Line(rule.key(), sentence, "PARTIAL", state, percent, List.of());
		}
		if (criterion instanceof Criterion.Approval approval) {
			String prompt = approval.prompt();
			String sentence = prompt == null || prompt.isBlank() ? text("learning.criteria.approval", locale)
					: text("learning.criteria.approval-for", locale, prompt);
			return new Line(approval.key(), sentence, met ? "MET" : "WAITING",
					text(met ? "learning.progress.approved" : "learning.progress.not-approved", locale), met ? 100 : null, List.of());
		}
		Criterion.Group group = (Criterion.Group) criterion;
		List<Line> children = new ArrayList<>();
		for (int i = 0; i < group.children().size(); i++) {
			Evaluation.Progress child = p != null && i < p.children().size() ? p.children().get(i) : null;
			children.add(line(group.children().get(i), child, locale));
		}
		String sentence = switch (group.mode()) {
			case ALL -> text("learning.criteria.all", locale);
			case ANY -> text("learning.criteria.any", locale);
			case AT_LEAST -> text("learning.criteria.at-least", locale, group.atLeast(), group.children().size());
		};
		if (met) {
			return new Line(group.key(), sentence, "MET", text("learning.progress.met", locale), 100, List.copyOf(children));
		}
		boolean anyGrade = children.stream().anyMatch(c -> !"NO_GRADE".equals(c.state()) && !"WAITING".equals(c.state()));
		int percent = p == null ? 0 : percent(p.fraction());
		return anyGrade ? new Line(group.key(), sentence, "PARTIAL", text("learning.progress.part", locale, percent), percent, List.copyOf(children))
				: new Line(group.key(), sentence, "NO_GRADE", text("learning.progress.not-started", locale), null, List.copyOf(children));
	}

	private static int percent(double fraction) {
		return (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
	}

	private static String number(double value, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(2);
		return format.format(value);
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
