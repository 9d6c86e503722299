package org.badgebridge.badge;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Parses an SVG someone uploaded (a badge image, or a baked badge to verify) safely: a streaming pass first
 * refuses a DTD or entities (external entities, billion laughs) and more than {@value #MAX_DEPTH} levels of
 * nesting (deep documents overflow the stack of whatever walks the tree), without recursion of its own; only
 * then is the DOM built, with DTDs and external entities off as well.
 */
public final class SvgDocuments {

	public static final int MAX_DEPTH = 64;

	/** Why an SVG is refused, in words for the person who uploaded it. */
	public static final class Refused extends IllegalArgumentException
			implements org.badgebridge.infrastructure.Explained {

		private final String key;

		private final transient Object[] args;

		Refused(String message, String key, Object... args) {
			super(message);
			this.key = key;
			this.args = args.clone();
		}

		@Override
		public String messageKey() {
			return key;
		}

		@Override
		public Object[] messageArguments() {
			return args.clone();
		}
	}

	private SvgDocuments() {
	}

	/** @throws Refused when the SVG is not well-formed, declares a DTD or entities, or nests too deep */
	public static Document parse(byte[] svg, boolean namespaceAware) {
		checkStructure(svg);
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(namespaceAware);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(svg));
		}
		catch (SAXException ex) {
			String message = ex.getMessage() == null ? "" : ex.getMessage();
			throw message.contains("DOCTYPE") ? dtd() : malformed();
		}
		catch (ParserConfigurationException | IOException ex) {
			throw new Refused("The SVG could not be read.", "common.error.badge.svgUnreadable");
		}
	}

	private static void checkStructure(byte[] svg) {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		XMLStreamReader reader = null;
		try {
			reader = factory.createXMLStreamReader(new ByteArrayInputStream(svg));
			int depth = 0;
			while (reader.hasNext()) {
				switch (reader.next()) {
					case XMLStreamConstants.DTD -> throw dtd();
					case XMLStreamConstants.START_ELEMENT -> {
						if (++depth > MAX_DEPTH) {
							throw new Refused("The SVG nests elements more than " + MAX_DEPTH + " levels deep, which is refused: "
									+ "badge images need a handful.", "common.error.badge.svgDepth", MAX_DEPTH);
						}
					}
					case XMLStreamConstants.END_ELEMENT -> depth--;
					default -> {
					}
				}
			}
		}
		catch (XMLStreamException ex) {
			throw malformed();
		}
		finally {
			close(reader);
		}
	}

	private static void close(XMLStreamReader reader) {
		try {
			if (reader != null) {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			// nothing held open: the input is a byte array
		}
	}

	private static Refused dtd() {
		return new Refused("The SVG declares a DOCTYPE (DTD) or entities, which this tool refuses (they can read files or expand without end).",
				"common.error.badge.svgDoctype");
	}

	private static Refused malformed() {
		return new Refused("The SVG is not well-formed XML.", "common.error.badge.svgMalformed");
	}
}
