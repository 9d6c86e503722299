package org.badgebridge.web;

import java.util.Set;

/**
 * How an admin list is sorted: a column and a direction, as the {@code sort} parameter says it ({@code queued} or
 * {@code queued-desc}); only the list's own columns are taken, anything else gives its default. For the headers:
 * {@link #ariaSort} and the sort a header's link asks for ({@link #next}).
 */
public record ListSort(String column, boolean descending) {

	public static ListSort parse(String param, Set<String> columns, ListSort fallback) {
		if (param == null || param.isBlank()) {
			return fallback;
		}
		String value = param.trim();
		boolean desc = value.endsWith("-desc");
		String column = desc ? value.substring(0, value.length() - "-desc".length()) : value;
		return columns.contains(column) ? new ListSort(column, desc) : fallback;
	}

	/** The parameter that asks for this order. */
	public String param() {
		return descending ? column + "-desc" : column;
	}

	/** SQL's direction. */
	public String direction() {
		return descending ? "desc" : "asc";
	}

	/** {@code aria-sort} of the column's header: ascending or descending when sorted by it, else none (null). */
	public String ariaSort(String column) {
		return this.column.equals(column) ? descending ? "descending" : "ascending" : null;
	}

	/** What the column's header link asks for: the other way round when sorted by it, else the column's usual way. */
	public String next(String column, boolean usuallyDescending) {
		if (this.column.equals(column)) {
			return new ListSort(column, !descending).param();
		}
		return new ListSort(column, usuallyDescending).param();
	}
}
