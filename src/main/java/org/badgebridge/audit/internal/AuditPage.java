package org.badgebridge.audit.internal;

import java.util.List;

/** A page (1-based) of the trail and how many rows match in all (public for the template's expressions). */
public record AuditPage(List<AuditEntry> rows, long total, int page, int size) {

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}
}
