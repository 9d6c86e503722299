package org.badgebridge.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Reads the admin's pages as an admin: a list's total ("1–50 of 5,123"), its rows, and the dashboard's numbered links. */
public final class AdminLists {

	/** A number on the dashboard and the list it links to. */
	public record Figure(String id, String href, long value) {
	}

	private static final Pattern SUMMARY = Pattern.compile("class=\"hint list-summary\" id=\"[^\"]+\" role=\"status\">([^<]*)</p>");

	private static final Pattern FIGURE = Pattern.compile("<a class=\"figure[^\"]*\"[^>]*>");

	private AdminLists() {
	}

	public static String page(MockMvc mvc, String url) throws Exception {
		return page(mvc, url, "en");
	}

	public static String page(MockMvc mvc, String url, String language) throws Exception {
		return mvc.perform(get(url).with(httpBasic("admin", "test-admin-password")).header("Accept-Language", language))
				.andReturn().getResponse().getContentAsString();
	}

	/** The list's total: the last number of its summary line, 0 when nothing matches. */
	public static long total(String html) {
		Matcher m = SUMMARY.matcher(html);
		if (!m.find()) {
			throw new AssertionError("no list summary on the page");
		}
		return lastNumber(m.group(1)).orElse(0L);
	}

	/** The summary line itself. */
	public static String summary(String html) {
		Matcher m = SUMMARY.matcher(html);
		return m.find() ? m.group(1) : null;
	}

	/** The numbered links to the syncs, awards and outbox lists, in page order. */
	public static List<Figure> figures(String html) {
		List<Figure> figures = new ArrayList<>();
		Matcher m = FIGURE.matcher(html);
		while (m.find()) {
			String tag = m.group();
			String href = attribute(tag, "href");
			if (href.matches("/admin/(syncs|awards|outbox)\\b.*")) {
				figures.add(new Figure(attribute(tag, "id"), href.replace("&amp;", "&"), Long.parseLong(attribute(tag, "data-count"))));
			}
		}
		return figures;
	}

	/** The values of one class of cell, in row order. */
	public static List<String> cells(String html, String cssClass) {
		List<String> cells = new ArrayList<>();
		Matcher m = Pattern.compile("class=\"" + Pattern.quote(cssClass) + "\"[^>]*>([^<]*)<").matcher(html);
		while (m.find()) {
			cells.add(m.group(1));
		}
		return cells;
	}

	private static String attribute(String tag, String name) {
		Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
		return m.find() ? m.group(1) : null;
	}

	private static java.util.Optional<Long> lastNumber(String text) {
		Matcher m = Pattern.compile("\\d[\\d,.]*").matcher(text);
		String last = null;
		while (m.find()) {
			last = m.group();
		}
		return last == null ? java.util.Optional.empty() : java.util.Optional.of(Long.parseLong(last.replaceAll("[,.]", "")));
	}
}
