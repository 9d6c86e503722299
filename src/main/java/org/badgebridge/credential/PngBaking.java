package org.badgebridge.credential;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Open Badges baking for PNG: one uncompressed {@code iTXt} chunk with keyword {@code openbadges} right after
 * {@code IHDR}; any earlier one with that keyword is replaced. Reading finds it again.
 */
public final class PngBaking {

	public static final String KEYWORD = "openbadges";

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private PngBaking() {
	}

	public static byte[] bake(byte[] png, String keyword, String text) {
		check(png);
		ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + text.length() + 64);
		out.write(png, 0, 8);
		int pos = 8;
		boolean written = false;
		while (pos + 12 <= png.length) {
			int length = ByteBuffer.wrap(png, pos, 4).getInt();
			if (length < 0 || pos + 12 + length > png.length) {
				throw new IllegalArgumentException("broken PNG chunk");
			}
			String type = new String(png, pos + 4, 4, StandardCharsets.US_ASCII);
			boolean ours = type.equals("iTXt") && keywordOf(png, pos + 8, length).equals(keyword);
			if (!ours) {
				out.write(png, pos, 12 + length);
			}
			if (type.equals("IHDR") && !written) {
				writeChunk(out, "iTXt", itxt(keyword, text));
				written = true;
			}
			pos += 12 + length;
			if (type.equals("IEND")) {
				break;
			}
		}
		return out.toByteArray();
	}

	public static Optional<String> read(byte[] png, String keyword) {
		check(png);
		int pos = 8;
		while (pos + 12 <= png.length) {
			int length = ByteBuffer.wrap(png, pos, 4).getInt();
			if (length < 0 || pos + 12 + length > png.length) {
				return Optional.empty();
			}
			String type = new String(png, pos + 4, 4, StandardCharsets.US_ASCII);
			if (type.equals("iTXt") && keywordOf(png, pos + 8, length).equals(keyword)) {
				int p = pos + 8 + keyword.length() + 1; // keyword and its NUL
				int compressed = png[p];
				p += 2; // compression flag and method
				while (png[p] != 0) { // language tag
					p++;
				}
				p++;
				while (png[p] != 0) { // translated keyword
					p++;
				}
				p++;
				if (compressed != 0) {
					return Optional.empty();
				}
				return Optional.of(new String(png, p, pos + 8 + length - p, StandardCharsets.UTF_8));
			}
			pos += 12 + length;
		}
		return Optional.empty();
	}

	private static String keywordOf(byte[] png, int start, int length) {
		int end = start;
		while (end < start + length && end < start + 80 && png[end] != 0) {
			end++;
		}
		return new String(png, start, end - start, StandardCharsets.ISO_8859_1);
	}

	private static byte[] itxt(String keyword, String text) {
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		data.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
		data.write(0);
		data.write(0); // not compressed
		data.write(0); // compression method
		data.write(0); // no language tag
		data.write(0); // no translated keyword
		data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		return data.toByteArray();
	}

	private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static void check(byte[] png) {
		if (png == null || png.length < 8) {
			throw new IllegalArgumentException("not a PNG");
		}
		for (int i = 0; i < 8; i++) {
			if (png[i] != SIGNATURE[i]) {
				throw new IllegalArgumentException("not a PNG");
			}
		}
	}
}
