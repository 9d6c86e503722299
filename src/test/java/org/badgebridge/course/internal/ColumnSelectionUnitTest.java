package org.badgebridge.course.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.badgebridge.course.ColumnsInUse;
import org.badgebridge.lms.LineItem;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnSelectionUnitTest {

	static final LineItem QUIZ = new LineItem("https://lms/li/1", "Quiz", 10, null, null, null);

	static final LineItem PROJECT = new LineItem("https://lms/li/2", "Project", 100, "badgebridge:b1:project-abc", "badgebridge", null);

	static final LineItem ESSAY = new LineItem("https://lms/li/3", "Essay", 100, "essay", null, null);

	static final List<LineItem> ALL = List.of(QUIZ, PROJECT, ESSAY);

	@Test
	void readsOnlyTheColumnsCriteriaName() {
		assertThat(ColumnSelection.toRead(ALL, List.of(new ColumnsInUse.Column(QUIZ.id(), null)), false)).containsExactly(QUIZ);
	}

	@Test
	void findsACopiedColumnByItsResourceId() {
		List<ColumnsInUse.Column> used = List.of(new ColumnsInUse.Column("https://old-course/li/9", "badgebridge:b1:project-abc"));
		assertThat(ColumnSelection.toRead(ALL, used, false)).containsExactly(PROJECT);
	}

	@Test
	void readsNothingWhenNoActiveBadgeUsesAColumn() {
		assertThat(ColumnSelection.toRead(ALL, List.of(), false)).isEmpty();
	}

	@Test
	void readsEverythingWhenAskedOrWhenNobodySaysWhatIsUsed() {
		assertThat(ColumnSelection.toRead(ALL, List.of(), true)).isEqualTo(ALL);
		assertThat(ColumnSelection.toRead(ALL, null, false)).isEqualTo(ALL);
	}
}
