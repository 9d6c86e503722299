package org.badgebridge.badge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.badgebridge.badge.Criterion.Column;
import org.badgebridge.badge.Criterion.ScoreRule;
import org.badgebridge.badge.Criterion.Threshold;
import org.badgebridge.badge.Evaluation.ColumnResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worked examples of the criteria a teacher sets, and the bad criteria that are refused. */
class EvaluationUnitTest {

	static final Column FINAL = new Column("https://lms/lineitems/7/lineitem?type_id=1", "badgebridge:b:final", "badgebridge",
			"Final project");

	static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

	@Test
	void eightyPercentOnTheFinalProject() {
		Criteria criteria = new Criteria(new ScoreRule("final", FINAL, Threshold.PERCENT, 80), null);
		assertThat(Evaluation.evaluate(criteria, Map.of(FINAL.lineItemId(), new ColumnResult(85.0, 100.0, T)), Set.of()).met()).isTrue();
		var below = Evaluation.evaluate(criteria, Map.of(FINAL.lineItemId(), new ColumnResult(60.0, 100.0, T)), Set.of());
		assertThat(below.met()).isFalse();
		assertThat(below.progress().fraction()).isEqualTo(0.75);
		assertThat(below.progress().label()).isEqualTo("At least 80% on Final project");
		var ungraded = Evaluation.evaluate(criteria, Map.of(), Set.of());
		assertThat(ungraded.progress().fraction()).isZero();
	}

	@Test
	void exactlyOnTheThresholdMeetsIt() {
		Criteria criteria = new Criteria(new ScoreRule("final", FINAL, Threshold.PERCENT, 80), null);
		assertThat(Evaluation.evaluate(criteria, Map.of(FINAL.lineItemId(), new ColumnResult(8.0, 10.0, T)), Set.of()).met()).isTrue();
	}

	@Test
	void moodlesZeroGradeWithoutResultScoreIsNoCompletion() {
		Criteria criteria = new Criteria(new ScoreRule("done", FINAL, Threshold.COMPLETED, 0), null);
		assertThat(Evaluation.evaluate(criteria, Map.of(FINAL.lineItemId(), new ColumnResult(null, null, T)), Set.of()).met()).isFalse();
		assertThat(Evaluation.evaluate(criteria, Map.of(FINAL.lineItemId(), new ColumnResult(3.0, 10.0, T)), Set.of()).met()).isTrue();
	}

	@Test
	void twoOfThreeWithTeacherApproval() {
		Column a = new Column("a", null, null, "Quiz A");
		Column b = new Column("b", null, null, "Quiz B");
		Column c = new Column("c", null, null, "Quiz C");
		Criterion twoOfThree = new Criterion.Group("quizzes", Criterion.Mode.AT_LEAST, 2, List.of(
				new ScoreRule("qa", a, Threshold.POINTS, 5), new ScoreRule("qb", b, Threshold.POINTS, 5),
				new ScoreRule("qc", c, Threshold.POINTS, 5)));
		Criteria criteria = new Criteria(new Criterion.Group("all", Criterion.Mode.ALL, 0,
				List.of(twoOfThree, new Criterion.Approval("portfolio", "Portfolio approved"))), null);
		Map<String, ColumnResult> results = Map.of("a", new ColumnResult(6.0, 10.0, T), "c", new ColumnResult(5.0, 10.0, T));
		assertThat(Evaluation.evaluate(criteria, results, Set.of()).met()).isFalse();
		var approved = Evaluation.evaluate(criteria, results, Set.of("portfolio"));
		assertThat(approved.met()).isTrue();
		assertThat(approved.progress().children().get(0).children()).extracting(Evaluation.Progress::met)
				.containsExactly(true, false, true);
	}

	@Test
	void badCriteriaAreRefusedWithAClearMessage() {
		assertThatThrownBy(() -> new ScoreRule("x", FINAL, Threshold.PERCENT, 120)).isInstanceOf(InvalidBadgeException.class)
				.hasMessageContaining("between 0 and 100");
		assertThatThrownBy(() -> new Criterion.Group("g", Criterion.Mode.AT_LEAST, 3, List.of(new Criterion.Approval("a", null))))
				.hasMessageContaining("between 1 and 1");
		assertThatThrownBy(() -> CriteriaJson.read("{\"root\":{\"type\":\"magic\"}}")).hasMessageContaining("Unknown kind");
		assertThatThrownBy(() -> CriteriaJson.read("not json")).hasMessageContaining("not valid JSON");
		String deep = "{\"type\":\"approval\"}";
		for (int i = 0; i < 10; i++) {
			deep = "{\"type\":\"all\",\"children\":[" + deep + "]}";
		}
		String tooDeep = deep;
		assertThatThrownBy(() -> CriteriaJson.read("{\"root\":" + tooDeep + "}")).hasMessageContaining("levels deep");
	}
}
