package org.badgebridge.sharing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import io.nayuki.qrcodegen.QrCode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/** The QR code of a share link: well-formed SVG with one square per dark module, inside a quiet zone of four. */
class QrCodesUnitTest {

	static final String URL = "https://badges.example.edu/s/AbC-12_xyzAbC-12_xyzAb";

	@Test
	void everyDarkModuleIsDrawnAndNothingElse() throws Exception {
		QrCode qr = QrCode.encodeText(URL, QrCode.Ecc.MEDIUM);
		String svg = QrCodes.svg(URL);
		Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
				.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 " + (qr.size + 8) + " " + (qr.size + 8));
		String d = doc.getElementsByTagName("path").item(0).getAttributes().getNamedItem("d").getNodeValue();
		Matcher m = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(d);
		int drawn = 0;
		while (m.find()) {
			int x = Integer.parseInt(m.group(1)) - 4;
			int y = Integer.parseInt(m.group(2)) - 4;
			assertThat(qr.getModule(x, y)).as("module %d,%d is dark", x, y).isTrue();
			drawn++;
		}
		int dark = 0;
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				dark += qr.getModule(x, y) ? 1 : 0;
			}
		}
		assertThat(drawn).isEqualTo(dark).isPositive();
	}

	@Test
	void theDataUriCarriesTheSvg() {
		String uri = QrCodes.dataUri(URL);
		assertThat(uri).startsWith("data:image/svg+xml;base64,");
		assertThat(new String(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8))
				.isEqualTo(QrCodes.svg(URL));
	}
}
