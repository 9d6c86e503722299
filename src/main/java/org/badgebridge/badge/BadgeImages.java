package org.badgebridge.badge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Badge images: PNG (checked by its signature and header, dimensions bounded before anything is decoded) or
 * SVG (parsed by {@link SvgDocuments}: no DTDs or entities, at most 64 levels deep; then reduced by {@code SvgCleaner}
 * to a whitelist of drawing elements and attributes: no scripts, event handlers, foreign objects, processing
 * instructions or references outside the image). At most 2 MB; a refused
 * upload stores nothing.
 */
@Service
public class BadgeImages {

	public static final int MAX_BYTES = 2 * 1024 * 1024;

	static final int MAX_SIDE = 2048;

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	public record Image(String contentType, byte[] bytes, Integer width, Integer height) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	public BadgeImages(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Image store(String badgeId, byte[] upload) {
		Image image = validate(upload);
		jdbc.sql("delete from badge_image where badge_id=?").param(badgeId).update();
		jdbc.sql("insert into badge_image (badge_id, content_type, bytes, width, height, updated_at) values (?,?,?,?,?,?)")
				.params(badgeId, image.contentType(), image.bytes(), image.width(), image.height(), clock.millis()).update();
		return image;
	}

	/** An issuer's logo: checked and sanitised like a badge image, kept beside them under {@code issuer-<id>}. */
	public Image storeIssuerLogo(long issuerId, byte[] upload) {
		return store(issuerKey(issuerId), upload);
	}

	public boolean hasIssuerLogo(long issuerId) {
		return exists(issuerKey(issuerId));
	}

	public Optional<Image> findIssuerLogo(long issuerId) {
		return find(issuerKey(issuerId));
	}

	private static String issuerKey(long issuerId) {
		return "issuer-" + issuerId;
	}

	public boolean exists(String badgeId) {
		return jdbc.sql("select count(*) from badge_image where badge_id=?").param(badgeId).query(Integer.class).single() > 0;
	}

	public Optional<Image> find(String badgeId) {
		return jdbc.sql("select content_type, bytes, width, height from badge_image where badge_id=?").param(badgeId)
				.query((rs, i) -> new Image(rs.getString(1), rs.getBytes(2), (Integer) rs.getObject(3, Integer.class),
						(Integer) rs.getObject(4, Integer.class)))
				.optional();
	}

	/** Checks an upload and returns what would be stored (the sanitised SVG, or the PNG as it is). */
	public static Image validate(byte[] upload) {
		if (upload == null || upload.length == 0) {
			throw new InvalidBadgeException("The file is empty.", "common.error.badge.imageEmpty");
		}
		if (upload.length > MAX_BYTES) {
			throw new InvalidBadgeException("The image is larger than 2 MB.", "common.error.badge.imageTooLarge");
		}
		if (startsWith(upload, PNG)) {
			return png(upload);
		}
		String head = new String(upload, 0, Math.min(upload.length, 512), StandardCharsets.UTF_8).replace("\uFEFF", "").trim()
				.toLowerCase(Locale.ROOT);
		if (head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--")) {
			return svg(upload);
		}
		throw new InvalidBadgeException("The file is not a PNG or SVG image.", "common.error.badge.imageType");
	}

	private static Image png(byte[] upload) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
					throw new InvalidBadgeException("The image is " + width + "x" + height + " pixels; at most " + MAX_SIDE + "x"
							+ MAX_SIDE + " is accepted.", "common.error.badge.imageSize", width, height, MAX_SIDE);
				}
				if (reader.read(0) == null) { // decodes within the bounds just checked: a broken image is refused here
					throw new InvalidBadgeException("The PNG image cannot be read.", "common.error.badge.pngUnreadable");
				}
				return new Image("image/png", upload, width, height);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidBadgeException invalid) {
				throw invalid;
			}
			throw new InvalidBadgeException("The PNG image is broken: " + ex.getClass().getSimpleName() + ".", "common.error.badge.pngBroken");
		}
	}

	private static Image svg(byte[] upload) {
		Document doc;
		try {
			doc = SvgDocuments.parse(upload, false);
		}
		catch (SvgDocuments.Refused ex) {
			throw new InvalidBadgeException(ex.getMessage(), ex.getCodes()[0], ex.getArguments());
		}
		Element root = doc.getDocumentElement();
		if (!"svg".equalsIgnoreCase(root.getTagName())) {
			throw new InvalidBadgeException("The file is XML but not an SVG image.", "common.error.badge.notSvg");
		}
		SvgCleaner.clean(doc);
		try {
			Transformer t = TransformerFactory.newInstance().newTransformer();
			t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			t.transform(new DOMSource(doc), new StreamResult(out));
			return new Image("image/svg+xml", out.toByteArray(), null, null);
		}
		catch (Exception ex) {
			throw new InvalidBadgeException("The SVG image could not be written back.", "common.error.badge.svgUnwritable");
		}
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
