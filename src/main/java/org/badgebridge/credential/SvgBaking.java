package org.badgebridge.credential;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Open Badges baking for SVG: the {@code openbadges} namespace on the root element and, right after the opening
 * {@code <svg>} tag, one {@code <openbadges:assertion verify="...">} element with the assertion JSON in CDATA.
 * The SVG given here is one the tool sanitised itself.
 */
public final class SvgBaking {

	private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern ASSERTION = Pattern.compile("<openbadges:assertion\\b[^>]*>.*?</openbadges:assertion>",
			Pattern.DOTALL);

	private SvgBaking() {
	}

	public static byte[] bake(byte[] svg, String verifyUrl, String assertionJson) {
		String text = ASSERTION.matcher(new String(svg, StandardCharsets.UTF_8)).replaceAll("");
		Matcher root = ROOT.matcher(text);
		if (!root.find()) {
			throw new IllegalArgumentException("not an SVG");
		}
		String open = root.group();
		if (!open.contains("xmlns:openbadges")) {
			open = open.substring(0, open.length() - 1).replaceAll("/$", "") + " xmlns:openbadges=\"http://openbadges.org\">";
		}
		String element = "<openbadges:assertion verify=\"" + HtmlUtils.htmlEscape(verifyUrl) + "\"><![CDATA["
				+ assertionJson.replace("]]>", "]]]]><![CDATA[>") + "]]></openbadges:assertion>";
		return (text.substring(0, root.start()) + open + element + text.substring(root.end())).getBytes(StandardCharsets.UTF_8);
	}

	public static Optional<String> read(byte[] svg) {
		Matcher m = Pattern.compile("<openbadges:assertion\\b[^>]*><!\\[CDATA\\[(.*?)\\]\\]></openbadges:assertion>", Pattern.DOTALL)
				.matcher(new String(svg, StandardCharsets.UTF_8));
		return m.find() ? Optional.of(m.group(1).replace("]]]]><![CDATA[>", "]]>")) : Optional.empty();
	}
}
