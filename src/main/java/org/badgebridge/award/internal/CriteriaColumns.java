package org.badgebridge.award.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.course.ColumnsInUse;

/** Tells a course's sync which columns to read: those the criteria of the course's active badges name. */
@Component
class CriteriaColumns implements ColumnsInUse {

	private final Badges badges;

	CriteriaColumns(Badges badges) {
		this.badges = badges;
	}

	@Override
	public List<Column> columns(long contextId) {
		return badges.activeForContext(contextId).stream().filter(BadgeClass::hasCriteria)
				.flatMap(b -> b.criteria().columns().stream()).map(c -> new Column(c.lineItemId(), c.resourceId())).distinct()
				.toList();
	}
}
