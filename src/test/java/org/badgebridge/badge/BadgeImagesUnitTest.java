package org.badgebridge.badge;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads that are images, and the hostile or broken ones that are refused or defused. */
class BadgeImagesUnitTest {

	static byte[] png(int w, int h) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB), "png", out);
		return out.toByteArray();
	}

	/** A PNG whose header claims a huge image (a decompression bomb), with a valid CRC. */
	static byte[] hugePngHeader() {
		ByteBuffer b = ByteBuffer.allocate(8 + 25);
		b.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		b.putInt(13);
		byte[] chunk = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(100_000).putInt(100_000)
				.put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).array();
		b.put(chunk);
		CRC32 crc = new CRC32();
		crc.update(chunk);
		b.putInt((int) crc.getValue());
		return b.array();
	}

	@Test
	void aPngIsAcceptedAsItIs() throws Exception {
		byte[] bytes = png(128, 128);
		BadgeImages.Image image = BadgeImages.validate(bytes);
		assertThat(image.contentType()).isEqualTo("image/png");
		assertThat(image.width()).isEqualTo(128);
		assertThat(image.bytes()).isEqualTo(bytes);
	}

	@Test
	void notAnImageTooLargeOrABombIsRefused() throws Exception {
		assertThatThrownBy(() -> BadgeImages.validate("hello".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not a PNG or SVG");
		assertThatThrownBy(() -> BadgeImages.validate(new byte[BadgeImages.MAX_BYTES + 1])).hasMessageContaining("2 MB");
		assertThatThrownBy(() -> BadgeImages.validate(hugePngHeader())).hasMessageContaining("100000x100000");
		byte[] broken = png(64, 64);
		assertThatThrownBy(() -> BadgeImages.validate(java.util.Arrays.copyOf(broken, broken.length / 2)))
				.isInstanceOf(InvalidBadgeException.class);
		assertThatThrownBy(() -> BadgeImages.validate(png(3000, 10))).hasMessageContaining("at most 2048");
	}

	@Test
	void svgLosesScriptsHandlersForeignObjectsAndExternalReferences() {
		String svg = """
				<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
				  <script>alert(2)</script>
				  <foreignObject><iframe src="https://evil.example"/></foreignObject>
				  <circle cx="5" cy="5" r="4" fill="gold" onclick="steal()" style="fill:url(https://evil.example/x)"/>
				  <a href="javascript:alert(3)"><text x="1" y="9">hi</text></a>
				  <use xlink:href="https://evil.example/sprite.svg#a"/>
				  <use xlink:href="#local"/>
				</svg>""";
		String clean = new String(BadgeImages.validate(svg.getBytes(StandardCharsets.UTF_8)).bytes(), StandardCharsets.UTF_8);
		assertThat(clean).contains("<circle", "fill=\"gold\"", "xlink:href=\"#local\"")
				.doesNotContain("script", "alert", "onload", "onclick", "foreignObject", "iframe", "evil.example", "javascript");
	}

	@Test
	void svgWithDoctypeOrExternalEntitiesIsRefused() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<svg xmlns="http://www.w3.org/2000/svg"><text>&xxe;</text></svg>""";
		assertThatThrownBy(() -> BadgeImages.validate(xxe.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("DOCTYPE");
		String billion = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><svg>&lol2;</svg>";
		assertThatThrownBy(() -> BadgeImages.validate(billion.getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidBadgeException.class);
		assertThatThrownBy(() -> BadgeImages.validate("<html><body/></html>".getBytes(StandardCharsets.UTF_8)))
				.isInstanceOf(InvalidBadgeException.class);
		assertThatThrownBy(() -> BadgeImages.validate("<svg><unclosed></svg>".getBytes(StandardCharsets.UTF_8)))
				.hasMessageContaining("not well-formed");
	}

	static String clean(String svg) {
		return new String(BadgeImages.validate(svg.getBytes(StandardCharsets.UTF_8)).bytes(), StandardCharsets.UTF_8);
	}

	@Test
	void aDeeplyNestedSvgIsRefusedWithAReasonNotAStackOverflow() {
		int levels = 150_000;
		String deep = "<svg xmlns=\"http://www.w3.org/2000/svg\">" + "<g>".repeat(levels) + "</g>".repeat(levels) + "</svg>";
		assertThat(deep.length()).isLessThan(BadgeImages.MAX_BYTES);
		assertThatThrownBy(() -> BadgeImages.validate(deep.getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidBadgeException.class)
				.hasMessageContaining("more than 64 levels deep");
		String fine = "<svg xmlns=\"http://www.w3.org/2000/svg\">" + "<g>".repeat(60) + "<circle r=\"1\"/>" + "</g>".repeat(60) + "</svg>";
		assertThat(clean(fine)).contains("<circle");
	}

	@Test
	void processingInstructionsAnywhereAreDropped() {
		String svg = """
				<?xml version="1.0"?>
				<?xml-stylesheet type="text/css" href="https://evil.example/x.css"?>
				<!-- before -->
				<svg xmlns="http://www.w3.org/2000/svg"><?xml-stylesheet href="https://evil.example/y.css"?><circle r="1"/></svg>
				<?xml-stylesheet href="https://evil.example/z.css"?>""";
		assertThat(clean(svg)).contains("<circle").doesNotContain("stylesheet", "evil.example", "before");
	}

	@Test
	void cssEscapesAndUrlsInAnyAttributeCannotReachOutside() {
		String svg = """
				<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
				  <defs><linearGradient id="g1"><stop offset="0" stop-color="gold"/></linearGradient></defs>
				  <rect id="escaped" width="1" height="1" style="fill:u\\72l(https://evil.example/a)"/>
				  <rect id="escaped2" width="1" height="1" style="fill:\\75 \\72 \\6c (https://evil.example/b)"/>
				  <rect id="commented" width="1" height="1" style="fill:url/**/(https://evil.example/c)"/>
				  <rect id="fill" width="1" height="1" fill="url(https://evil.example/d#x)"/>
				  <rect id="mask" width="1" height="1" mask="url('//evil.example/e#m')"/>
				  <rect id="filter" width="1" height="1" filter="u\\rl(http://evil.example/f#f)"/>
				  <rect id="clip" width="1" height="1" clip-path="url(data:image/svg+xml;base64,PHN2Zz4=)"/>
				  <rect id="stroke" width="1" height="1" stroke="java&#x09;script:alert(1)"/>
				  <rect id="local" width="1" height="1" fill="url(#g1)" style="stroke:url('#g1')"/>
				</svg>""";
		String clean = clean(svg);
		assertThat(clean).doesNotContain("evil.example", "data:", "script", "\\72", "\\75");
		assertThat(clean).contains("id=\"escaped\"", "id=\"fill\"", "id=\"mask\"", "id=\"filter\"", "id=\"clip\"", "id=\"stroke\"")
				.contains("fill=\"url(#g1)\"", "style=\"stroke:url('#g1')\"");
	}
}
