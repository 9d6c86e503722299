package org.badgebridge.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address of an admin list with its filters, to build the links of its pager and sortable headers: the filters
 * stay, the page or the order changes (a new order starts at page 1). Blank filters are left out.
 */
public record ListQuery(String path, Map<String, String> filters, ListSort sort) {

	public static ListQuery of(String path, ListSort sort) {
		return new ListQuery(path, new LinkedHashMap<>(), sort);
	}

	public ListQuery with(String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			filters.put(name, value.toString());
		}
		return this;
	}

	/** This list, page {@code page}. */
	public String page(int page) {
		return url(sort.param(), page);
	}

	/** This list in another order, from its first page. */
	public String sorted(String sortParam) {
		return url(sortParam, 1);
	}

	/** A filter's text: trimmed, null when blank. */
	public static String text(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/** The option of {@code type} a filter names (any case), or null for none or one there is not. */
	public static <E extends Enum<E>> E option(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** A filter's date ({@code 2026-06-01}, as a date field sends it), or null for none or one that is no date. */
	public static java.time.LocalDate date(String value) {
		try {
			return value == null || value.isBlank() ? null : java.time.LocalDate.parse(value.trim());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	private String url(String sortParam, int page) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		filters.forEach(b::queryParam);
		b.queryParam("sort", sortParam);
		if (page > 1) {
			b.queryParam("page", page);
		}
		return b.encode().build().toUriString();
	}
}
