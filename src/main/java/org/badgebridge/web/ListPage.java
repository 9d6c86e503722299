package org.badgebridge.web;

/**
 * Where a page of an admin list stands: page {@code page} (from 1) of {@code size} rows out of {@code total} matching
 * ones, for the summary line above the list (first and last row of the total) and the pager. {@link #of} keeps the
 * page within the pages there are.
 */
public record ListPage(int page, int size, long total) {

	/** Rows per page of the admin lists. */
	public static final int SIZE = 50;

	public static ListPage of(Integer requested, int size, long total) {
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int page = requested == null ? 1 : Math.min(Math.max(1, requested), pages);
		return new ListPage(page, size, total);
	}

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	/** The offset of the page's first row, for SQL's OFFSET. */
	public long offset() {
		return (long) (page - 1) * size;
	}

	/** The number (from 1) of the page's first row. */
	public long first() {
		return total == 0 ? 0 : offset() + 1;
	}

	/** The number of the page's last row. */
	public long last() {
		return Math.min(total, offset() + size);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pages();
	}
}
