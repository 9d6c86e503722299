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

	/**
	 * Open Badges 3.0 baking (OB 3.0 section 5.3.2): the {@code openbadges} prefix bound to {@value #OB3_NAMESPACE} and
	 * one {@code <openbadges:credential>} element holding the signed credential's JSON in CDATA.
	 */
	public static byte[] bakeCredential(byte[] svg, String credentialJson) {
		String text = new String(svg, StandardCharsets.UTF_8);
		Matcher root = ROOT.matcher(text);
		if (!root.find() || root.group().contains("xmlns:openbadges")) {
			throw new IllegalArgumentException("not an SVG to bake");
		}
		String open = root.group().substring(0, root.group().length() - 1).replaceAll("/$", "") + " xmlns:openbadges=\""
				+ OB3_NAMESPACE + "\">";
		String element = "<openbadges:credential><![CDATA[" + credentialJson.replace("]]>", "]]]]><![CDATA[>")
				+ "]]></openbadges:credential>";
		return (text.substring(0, root.start()) + open + element + text.substring(root.end())).getBytes(StandardCharsets.UTF_8);
	}

	/** A square SVG showing a PNG (a badge whose image is not an SVG), to bake a credential into. */
	public static byte[] wrapping(byte[] png) {
		return ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">"
				+ "<image width=\"256\" height=\"256\" href=\"data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png)
				+ "\"/></svg>").getBytes(StandardCharsets.UTF_8);
	}

	public static Optional<String> read(byte[] svg) {
		Matcher m = Pattern.compile("<openbadges:assertion\\b[^>]*><!\\[CDATA\\[(.*?)\\]\\]></openbadges:assertion>", Pattern.DOTALL)
				.matcher(new String(svg, StandardCharsets.UTF_8));
		return m.find() ? Optional.of(m.group(1).replace("]]]]><![CDATA[>", "]]>")) : Optional.empty();
	}

	/** What an SVG from outside carries: an OB 2.0 assertion or an OB 3.0 credential (JSON text or a verify value). */
	public record Baked(boolean credential, String text) {
	}

	public static final String OB2_NAMESPACE = "http://openbadges.org";

	public static final String OB3_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

	/**
	 * Reads a baked SVG someone uploaded with {@link org.badgebridge.badge.SvgDocuments}: an SVG declaring a DTD or
	 * entities (XXE, billion laughs) or nesting more than 64 levels is refused. Scripts are irrelevant: the SVG is
	 * never rendered.
	 *
	 * @throws IllegalArgumentException naming what is wrong with the file
	 */
	public static Optional<Baked> readUploaded(byte[] svg) {
		org.w3c.dom.Document doc = org.badgebridge.badge.SvgDocuments.parse(svg, true); // its Refused is an IllegalArgumentException
		if (!"svg".equals(doc.getDocumentElement().getLocalName())) {
			throw new IllegalArgumentException("The file is XML but not an SVG image.");
		}
		for (String[] kind : new String[][] { { OB3_NAMESPACE, "credential" }, { OB2_NAMESPACE, "assertion" } }) {
			org.w3c.dom.NodeList found = doc.getElementsByTagNameNS(kind[0], kind[1]);
			if (found.getLength() > 1) {
				throw new IllegalArgumentException("The SVG carries more than one openbadges:" + kind[1] + " element.");
			}
			if (found.getLength() == 1) {
				org.w3c.dom.Element e = (org.w3c.dom.Element) found.item(0);
				String body = e.getTextContent() == null ? "" : e.getTextContent().trim();
				return Optional.of(new Baked(kind[1].equals("credential"), body.isEmpty() ? e.getAttribute("verify").trim() : body));
			}
		}
		return Optional.empty();
	}
}
