package org.badgebridge.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page must be to work under a Content-Security-Policy without {@code 'unsafe-inline'}: a policy that allows
 * no inline code, and HTML with no inline script, no style attribute or element and no event handler attribute.
 */
public final class PageHygiene {

	private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

	private static final Pattern SRC = Pattern.compile("[\\s:]src\\s*=", Pattern.CASE_INSENSITIVE);

	private static final Pattern STYLE_ELEMENT = Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE);

	/** Attributes inside a tag: a name preceded by white space, followed by =. */
	private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");

	private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

	private static final Pattern HANDLER_ATTRIBUTE = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

	private PageHygiene() {
	}

	/** Why the policy would let inline code run, or is missing; empty when it is a real policy. */
	public static List<String> policyProblems(String where, String policy) {
		List<String> problems = new ArrayList<>();
		if (policy == null) {
			problems.add(where + ": no Content-Security-Policy");
			return problems;
		}
		for (String required : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
				"base-uri 'none'", "form-action ", "frame-ancestors ")) {
			if (!policy.contains(required)) {
				problems.add(where + ": policy lacks " + required.trim() + " (" + policy + ")");
			}
		}
		for (String unsafe : List.of("'unsafe-inline'", "'unsafe-eval'", "*;")) {
			if (policy.contains(unsafe)) {
				problems.add(where + ": policy allows " + unsafe + " (" + policy + ")");
			}
		}
		return problems;
	}

	/** Inline script, style and event handlers in the HTML (a template or a rendered page). */
	public static List<String> htmlProblems(String where, String html) {
		List<String> problems = new ArrayList<>();
		Matcher script = SCRIPT.matcher(html);
		while (script.find()) {
			if (!SRC.matcher(script.group(1)).find()) {
				problems.add(where + ": inline <script> " + excerpt(html, script.start()));
			}
		}
		if (STYLE_ELEMENT.matcher(html).find()) {
			problems.add(where + ": <style> element");
		}
		Matcher tag = TAG.matcher(html);
		while (tag.find()) {
			String t = tag.group();
			if (STYLE_ATTRIBUTE.matcher(t).find() || t.contains("th:style")) {
				problems.add(where + ": style attribute in " + t);
			}
			if (HANDLER_ATTRIBUTE.matcher(t).find() || t.matches("(?s).*\\sth:on[a-z]+\\s*=.*")) {
				problems.add(where + ": event handler attribute in " + t);
			}
			if (t.toLowerCase().contains("javascript:")) {
				problems.add(where + ": javascript: URL in " + t);
			}
		}
		return problems;
	}

	private static String excerpt(String html, int at) {
		return html.substring(at, Math.min(html.length(), at + 80)).replaceAll("\\s+", " ");
	}
}
