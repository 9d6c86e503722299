package org.badgebridge.course.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.badgebridge.course.ColumnsInUse;
import org.badgebridge.lms.LineItem;

/**
 * Which of a course's columns a sync reads results from, pure: every column when the sync reads everything (the
 * first, one after a teacher's action, "sync now") or nobody said which are used; otherwise only the columns
 * criteria name, found by line item URL or, after a course copy gave the column a new URL, by its resourceId.
 */
public final class ColumnSelection {

	private ColumnSelection() {
	}

	public static List<LineItem> toRead(List<LineItem> items, List<ColumnsInUse.Column> used, boolean everything) {
		if (everything || used == null) {
			return items;
		}
		Set<String> urls = new HashSet<>();
		Set<String> resourceIds = new HashSet<>();
		for (ColumnsInUse.Column c : used) {
			urls.add(c.lineItemUrl());
			if (c.resourceId() != null && !c.resourceId().isBlank()) {
				resourceIds.add(c.resourceId());
			}
		}
		return items.stream().filter(i -> urls.contains(i.id()) || (i.resourceId() != null && resourceIds.contains(i.resourceId())))
				.toList();
	}
}
