package org.badgebridge.badge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The badges teachers listed in the public catalogue, filtered, counted and paged in the database (by name, then id),
 * so a catalogue of thousands costs one page of rows and one count.
 */
@Service
public class CatalogueListing {

	/** What a visitor asks for; null fields match everything. Text is searched in name, description and learning outcomes. */
	public record Filter(String text, Long issuerId, String eqfLevel, String language, Double maxEcts) {
	}

	/** One page of the listing: its badges, the number matching in all, the page (from 1) and its size. */
	public record Page(List<BadgeClass> badges, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	private final JdbcClient jdbc;

	private final Issuers issuers;

	private final Badges badges;

	public CatalogueListing(JdbcClient jdbc, Issuers issuers, Badges badges) {
		this.jdbc = jdbc;
		this.issuers = issuers;
		this.badges = badges;
	}

	/** Page {@code page} (from 1; beyond the last gives the last) of {@code size} badges matching the filter. */
	public Page page(Filter filter, int page, int size) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params);
		long total = jdbc.sql("select count(*) from badge_class where " + where).params(params).query(Long.class).single();
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int p = Math.min(Math.max(1, page), pages);
		List<Object> paged = new ArrayList<>(params);
		paged.add(size);
		paged.add((long) (p - 1) * size);
		List<BadgeClass> rows = jdbc.sql("select * from badge_class where " + where + " order by name, id limit ? offset ?").params(paged)
				.query(badges::row).list();
		return new Page(rows, total, p, size);
	}

	private String where(Filter filter, List<Object> params) {
		StringBuilder where = new StringBuilder("in_catalogue = true");
		String text = filter.text() == null ? "" : filter.text().trim().toLowerCase(Locale.ROOT);
		if (!text.isEmpty()) {
			String like = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
			where.append(" and (lower(name) like ? escape '!' or lower(coalesce(description, '')) like ? escape '!'"
					+ " or lower(coalesce(learning_outcomes, '')) like ? escape '!')");
			params.add(like);
			params.add(like);
			params.add(like);
		}
		if (filter.issuerId() != null) {
			where.append(" and coalesce(issuer_id, ?) = ?"); // a badge without its own issuer is the default issuer's
			params.add(issuers.defaultIssuer().id());
			params.add(filter.issuerId());
		}
		if (filter.eqfLevel() != null) {
			where.append(" and eqf_level = ?");
			params.add(filter.eqfLevel());
		}
		if (filter.language() != null) {
			where.append(" and lower(language) = ?");
			params.add(filter.language().toLowerCase(Locale.ROOT));
		}
		if (filter.maxEcts() != null) {
			where.append(" and workload_unit = 'ECTS' and workload_value <= ?");
			params.add(filter.maxEcts());
		}
		return where.toString();
	}
}
