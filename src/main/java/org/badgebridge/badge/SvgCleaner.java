package org.badgebridge.badge;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reduces an uploaded SVG to a whitelist of drawing elements and attributes. Dropped: scripts, event handlers,
 * foreign objects, {@code style} elements, anything unknown, comments and processing instructions anywhere (an
 * {@code <?xml-stylesheet?>} before the root too). Every attribute value is read as CSS reads it (escapes such as
 * {@code u\72l(} resolved, comments removed) and dropped if it references anything but a fragment of the image
 * itself ({@code url(#id)}, {@code href="#id"}, an embedded PNG in {@code href}) or names a script or data URL.
 */
final class SvgCleaner {

	private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "title", "desc", "path", "rect", "circle",
			"ellipse", "line", "polyline", "polygon", "text", "tspan", "lineargradient", "radialgradient", "stop", "clippath",
			"mask", "use", "symbol", "pattern", "filter", "fegaussianblur", "feoffset", "feblend", "fecolormatrix", "femerge",
			"femergenode", "metadata", "image");

	private static final Set<String> ATTRIBUTES = Set.of("id", "class", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy",
			"r", "rx", "ry", "width", "height", "points", "viewbox", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
			"stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "opacity", "transform", "offset",
			"stop-color", "stop-opacity", "gradientunits", "gradienttransform", "font-family", "font-size", "font-weight",
			"text-anchor", "dominant-baseline", "clip-path", "mask", "filter", "stddeviation", "dx", "dy", "in", "in2", "mode",
			"values", "type", "result", "preserveaspectratio", "version", "xmlns", "href", "xlink:href", "xmlns:xlink",
			"letter-spacing", "style");

	private static final Pattern CSS_ESCAPE = Pattern.compile("\\\\(?:([0-9a-fA-F]{1,6})[ \\t\\n\\r\\f]?|(\\r\\n|[\\n\\r\\f])|(.))",
			Pattern.DOTALL);

	private static final Pattern URL = Pattern.compile("url\\(([^)]*)\\)?");

	private static final Pattern FRAGMENT = Pattern.compile("['\"]?#[a-z0-9_.:-]+['\"]?");

	private static final String[] FORBIDDEN = { "javascript:", "vbscript:", "expression(", "@import", "behavior:", "-moz-binding",
			"image(", "image-set(", "src(", "cross-fade(", "element(" };

	private SvgCleaner() {
	}

	static void clean(Document doc) {
		NodeList top = doc.getChildNodes();
		for (int i = top.getLength() - 1; i >= 0; i--) {
			if (top.item(i).getNodeType() != Node.ELEMENT_NODE) {
				doc.removeChild(top.item(i)); // <?xml-stylesheet?> and comments around the root
			}
		}
		clean(doc.getDocumentElement()); // recursion bounded by SvgDocuments.MAX_DEPTH
	}

	private static void clean(Element element) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = attributes.getLength() - 1; i >= 0; i--) {
			Attr a = (Attr) attributes.item(i);
			if (!safe(a.getName().toLowerCase(Locale.ROOT), a.getValue())) {
				element.removeAttributeNode(a);
			}
		}
		NodeList children = element.getChildNodes();
		for (int i = children.getLength() - 1; i >= 0; i--) {
			Node child = children.item(i);
			if (child.getNodeType() == Node.ELEMENT_NODE && ELEMENTS.contains(((Element) child).getTagName().toLowerCase(Locale.ROOT))) {
				clean((Element) child);
			}
			else if (child.getNodeType() != Node.TEXT_NODE && child.getNodeType() != Node.CDATA_SECTION_NODE) {
				element.removeChild(child); // script, foreignObject, style, iframe, animate, unknown; comments; instructions
			}
		}
	}

	static boolean safe(String name, String value) {
		if (!ATTRIBUTES.contains(name) || name.startsWith("on")) {
			return false;
		}
		String css = asCss(value);
		if (name.equals("href") || name.endsWith(":href")) {
			return FRAGMENT.matcher(css).matches() || css.startsWith("data:image/png;base64,");
		}
		for (String forbidden : FORBIDDEN) {
			if (css.contains(forbidden)) {
				return false;
			}
		}
		if (css.contains("data:")) {
			return false;
		}
		Matcher url = URL.matcher(css);
		while (url.find()) {
			if (!FRAGMENT.matcher(url.group(1)).matches()) {
				return false;
			}
		}
		return true;
	}

	/** The value as a CSS processor sees it, for checking only: escapes resolved, comments, white space and case gone. */
	static String asCss(String value) {
		StringBuilder out = new StringBuilder();
		Matcher m = CSS_ESCAPE.matcher(value);
		while (m.find()) {
			String replacement;
			if (m.group(1) != null) {
				int cp = Integer.parseInt(m.group(1), 16);
				replacement = cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? "\uFFFD" : new String(Character.toChars(cp));
			}
			else {
				replacement = m.group(2) != null ? "" : m.group(3);
			}
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(out);
		String text = out.toString().replaceAll("(?s)/\\*.*?(\\*/|$)", "");
		StringBuilder compact = new StringBuilder(text.length());
		text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c) && !Character.isSpaceChar(c))
				.forEach(compact::appendCodePoint);
		return compact.toString().toLowerCase(Locale.ROOT);
	}
}
