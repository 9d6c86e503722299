package org.badgebridge.badge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.badgebridge.badge.Criterion.Column;
import org.badgebridge.badge.Criterion.Group;
import org.badgebridge.badge.Criterion.Mode;
import org.badgebridge.badge.Criterion.ScoreRule;
import org.badgebridge.badge.Criterion.Threshold;
import org.badgebridge.badge.Evaluation.ColumnResult;
import org.badgebridge.badge.Evaluation.Outcome;
import org.badgebridge.badge.Evaluation.Progress;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of criteria evaluation over generated criteria trees and results (jqwik). */
class EvaluationProperties {

	static final List<String> COLUMNS = List.of("c1", "c2", "c3", "c4");

	static final List<String> APPROVALS = List.of("a1", "a2");

	record Case(Criteria criteria, Map<String, ColumnResult> results, Set<String> approvals) {
	}

	@Provide
	Arbitrary<Case> cases() {
		return Combinators.combine(trees(3), results(), Arbitraries.of(APPROVALS).set())
				.as((root, results, approvals) -> new Case(new Criteria(root, null), results, approvals));
	}

	Arbitrary<Criterion> trees(int depth) {
		Arbitrary<Criterion> rule = Combinators.combine(Arbitraries.of(COLUMNS), Arbitraries.of(Threshold.class),
				Arbitraries.doubles().between(0, 100).ofScale(1)).as((col, t, v) -> (Criterion) new ScoreRule("r-" + col + t + v,
						new Column(col, null, null, col), t, t == Threshold.POINTS ? v / 10 : v));
		Arbitrary<Criterion> approval = Arbitraries.of(APPROVALS).map(a -> new Criterion.Approval(a, null));
		if (depth == 0) {
			return Arbitraries.oneOf(rule, approval);
		}
		Arbitrary<Criterion> group = trees(depth - 1).list().ofMinSize(1).ofMaxSize(4).flatMap(children -> Arbitraries
				.of(Mode.class).flatMap(mode -> Arbitraries.integers().between(1, children.size())
						.map(n -> (Criterion) new Group("g" + children.size() + mode + n, mode, n, children))));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, rule), net.jqwik.api.Tuple.of(1, approval),
				net.jqwik.api.Tuple.of(2, group));
	}

	Arbitrary<Map<String, ColumnResult>> results() {
		Arbitrary<ColumnResult> result = Combinators.combine(Arbitraries.doubles().between(0, 10).ofScale(2).injectNull(0.2),
				Arbitraries.of(10.0, 1.0, 100.0)).as((score, max) -> new ColumnResult(score == null ? null : score * max / 10, max,
						Instant.parse("2026-11-01T10:00:00Z")));
		return Arbitraries.maps(Arbitraries.of(COLUMNS), result).ofMaxSize(COLUMNS.size());
	}

	@Property(tries = 500)
	void progressIsAFractionAndMetMeansComplete(@ForAll("cases") Case c) {
		Outcome outcome = Evaluation.evaluate(c.criteria(), c.results(), c.approvals());
		assertAll(outcome.progress());
		assertThat(outcome.met()).isEqualTo(outcome.progress().met());
	}

	private void assertAll(Progress p) {
		assertThat(p.fraction()).isBetween(0.0, 1.0);
		assertThat(p.met()).as("met iff full progress").isEqualTo(p.fraction() == 1.0);
		p.children().forEach(this::assertAll);
	}

	@Property(tries = 500)
	void groupsCombineTheirChildrenAsTheyPromise(@ForAll("cases") Case c) {
		check(Evaluation.evaluate(c.criteria(), c.results(), c.approvals()).progress(), c.criteria().root());
	}

	private void check(Progress p, Criterion criterion) {
		if (criterion instanceof Group group) {
			long met = p.children().stream().filter(Progress::met).count();
			switch (group.mode()) {
				case ALL -> assertThat(p.met()).isEqualTo(met == group.children().size());
				case ANY -> assertThat(p.met()).isEqualTo(met >= 1);
				case AT_LEAST -> assertThat(p.met()).isEqualTo(met >= group.atLeast());
			}
			for (int i = 0; i < group.children().size(); i++) {
				check(p.children().get(i), group.children().get(i));
			}
		}
	}

	@Property(tries = 500)
	void betterResultsAndMoreApprovalsNeverTakeAMetBadgeAway(@ForAll("cases") Case c) {
		Outcome before = Evaluation.evaluate(c.criteria(), c.results(), c.approvals());
		Map<String, ColumnResult> better = new HashMap<>();
		c.results().forEach((k, r) -> better.put(k, new ColumnResult(r.score() == null ? r.maximum() : Math.min(r.maximum(),
				r.score() + 1), r.maximum(), r.timestamp())));
		Set<String> moreApprovals = new HashSet<>(c.approvals());
		moreApprovals.addAll(APPROVALS);
		Outcome after = Evaluation.evaluate(c.criteria(), better, moreApprovals);
		if (before.met()) {
			assertThat(after.met()).isTrue();
		}
		assertThat(after.progress().fraction()).isGreaterThanOrEqualTo(before.progress().fraction() - 1e-9);
	}

	@Property(tries = 300)
	void atLeastOneIsAnyAndAtLeastAllIsAll(@ForAll("cases") Case c) {
		List<Criterion> children = new ArrayList<>(List.of(c.criteria().root()));
		children.add(new ScoreRule("extra", new Column("c2", null, null, "c2"), Threshold.PERCENT, 50));
		boolean any = met(new Group("g", Mode.ANY, 0, children), c);
		boolean all = met(new Group("g", Mode.ALL, 0, children), c);
		assertThat(met(new Group("g", Mode.AT_LEAST, 1, children), c)).isEqualTo(any);
		assertThat(met(new Group("g", Mode.AT_LEAST, children.size(), children), c)).isEqualTo(all);
	}

	@Property(tries = 300)
	void resultsAfterTheDeadlineDoNotCount(@ForAll("cases") Case c) {
		Criteria past = new Criteria(c.criteria().root(), Instant.parse("2026-10-01T00:00:00Z"));
		Outcome outcome = Evaluation.evaluate(past, c.results(), c.approvals());
		Outcome withoutResults = Evaluation.evaluate(past, Map.of(), c.approvals());
		assertThat(outcome).isEqualTo(withoutResults);
	}

	@Property(tries = 300)
	void storedCriteriaReadBackTheSame(@ForAll("cases") Case c) {
		Criteria read = CriteriaJson.read(CriteriaJson.write(c.criteria()));
		assertThat(read).isEqualTo(c.criteria());
	}

	private boolean met(Criterion root, Case c) {
		return Evaluation.evaluate(new Criteria(root, null), c.results(), c.approvals()).met();
	}
}
