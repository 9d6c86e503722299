package org.badgebridge.badge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;


/** Criteria in plain words, and "no grade yet" kept apart from a grade of 0, in English and Dutch. */
class CriteriaSentencesUnitTest {

	final CriteriaSentences sentences = new CriteriaSentences(messages());

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource m = new ResourceBundleMessageSource();
		m.setBasenames("i18n/learning");
		m.setDefaultEncoding("UTF-8");
		m.setFallbackToSystemLocale(false);
		return m;
	}

	final Criteria criteria = new Criteria(new Criterion.Group("all", Criterion.Mode.AT_LEAST, 2, List.of(
			new Criterion.ScoreRule("quiz", new Criterion.Column("li-1", null, null, "Quiz 1"), Criterion.Threshold.PERCENT, 80),
			new Criterion.ScoreRule("project", new Criterion.Column("li-2", null, null, "Project"), Criterion.Threshold.POINTS, 7.5),
			new Criterion.Approval("talk", "Give a short talk"))), null);

	CriteriaSentences.Line lines(Map<String, Evaluation.ColumnResult> results, Locale locale) {
		return sentences.lines(criteria, Evaluation.evaluate(criteria, results, Set.of()).progress(), locale);
	}

	@Test
	void noGradeYetIsNotZero() {
		CriteriaSentences.Line none = lines(Map.of(), Locale.ENGLISH);
		CriteriaSentences.Line zero = lines(Map.of("li-1", new Evaluation.ColumnResult(0.0, 10.0, null)), Locale.ENGLISH);
		assertThat(none.children().get(0).state()).isEqualTo("NO_GRADE");
		assertThat(none.children().get(0).stateText()).isEqualTo("No grade yet");
		assertThat(none.children().get(0).percent()).isNull();
		assertThat(zero.children().get(0).state()).isEqualTo("PARTIAL");
		assertThat(zero.children().get(0).stateText()).isEqualTo("Your result: 0 / 10 (0%), not enough yet");
		assertThat(zero.children().get(0).percent()).isZero();
		assertThat(none.stateText()).isEqualTo("Not started yet");
	}

	@Test
	void everyCriterionReadsAsASentence() {
		CriteriaSentences.Line en = lines(Map.of("li-1", new Evaluation.ColumnResult(9.0, 10.0, null),
				"li-2", new Evaluation.ColumnResult(5.0, 10.0, null)), Locale.ENGLISH);
		assertThat(en.sentence()).isEqualTo("Do at least 2 of the following 3:");
		assertThat(en.children()).extracting(CriteriaSentences.Line::sentence).containsExactly("Score at least 80% on \u201cQuiz 1\u201d",
				"Score at least 7.5 points on \u201cProject\u201d", "Get your teacher's approval: Give a short talk");
		assertThat(en.children()).extracting(CriteriaSentences.Line::stateText).containsExactly("Done (your result: 9 / 10)",
				"Your result: 5 / 10, not enough yet", "Not approved yet");
		CriteriaSentences.Line nl = lines(Map.of(), Locale.forLanguageTag("nl"));
		assertThat(nl.sentence()).isEqualTo("Voldoe aan minstens 2 van de volgende 3:");
		assertThat(nl.children()).extracting(CriteriaSentences.Line::sentence).containsExactly("Haal minstens 80% voor \u2018Quiz 1\u2019",
				"Haal minstens 7,5 punten voor \u2018Project\u2019", "Krijg goedkeuring van je docent: Give a short talk");
		assertThat(nl.children().get(0).stateText()).isEqualTo("Nog geen cijfer");
	}
}
