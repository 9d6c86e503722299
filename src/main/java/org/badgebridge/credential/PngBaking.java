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

	/** Most text a baked chunk may hold, also after decompression (a small file cannot expand into gigabytes). */
	public static final int MAX_TEXT = 1 << 20;

	/**
	 * The text of the first {@code iTXt} chunk with this keyword, or empty. Reads hostile files safely: chunk
	 * lengths are checked against the file, a chunk whose CRC does not match is refused, and compressed text is
	 * inflated only up to {@link #MAX_TEXT}.
	 *
	 * @throws IllegalArgumentException naming what is wrong with the file
	 */
	public static Optional<String> read(byte[] png, String keyword) {
		check(png);
		long pos = 8;
		while (pos + 12 <= png.length) {
			long length = ByteBuffer.wrap(png, (int) pos, 4).getInt() & 0xffffffffL;
			if (pos + 12 + length > png.length) {
				throw new IllegalArgumentException("The PNG is broken: a chunk claims " + length + " bytes, more than the file holds.");
			}
			int start = (int) pos + 8;
			int end = start + (int) length;
			String type = new String(png, (int) pos + 4, 4, StandardCharsets.US_ASCII);
			if (type.equals("iTXt") && keywordOf(png, start, (int) length).equals(keyword)) {
				CRC32 crc = new CRC32();
				crc.update(png, (int) pos + 4, 4 + (int) length);
				if ((int) crc.getValue() != ByteBuffer.wrap(png, end, 4).getInt()) {
					throw new IllegalArgumentException("The PNG's " + keyword + " chunk is damaged (its checksum does not match).");
				}
				int p = start + keyword.length() + 1; // keyword and its NUL
				if (p + 2 > end) {
					throw new IllegalArgumentException("The PNG's " + keyword + " chunk is truncated.");
				}
				boolean compressed = png[p] != 0;
				p = skipNul(png, skipNul(png, p + 2, end), end); // language tag, translated keyword
				byte[] text = java.util.Arrays.copyOfRange(png, p, end);
				if (compressed) {
					text = inflate(text);
				}
				if (text.length > MAX_TEXT) {
					throw new IllegalArgumentException("The baked text is larger than 1 MB: refused.");
				}
				return Optional.of(new String(text, StandardCharsets.UTF_8));
			}
			pos += 12 + length;
		}
		return Optional.empty();
	}

	private static int skipNul(byte[] png, int p, int end) {
		while (p < end && png[p] != 0) {
			p++;
		}
		if (p >= end) {
			throw new IllegalArgumentException("The PNG's text chunk is truncated.");
		}
		return p + 1;
	}

	private static byte[] inflate(byte[] data) {
		java.util.zip.Inflater inflater = new java.util.zip.Inflater();
		inflater.setInput(data);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new IllegalArgumentException("The PNG's compressed text is truncated.");
				}
				out.write(buffer, 0, n);
				if (out.size() > MAX_TEXT) {
					throw new IllegalArgumentException("The PNG's compressed text expands to more than 1 MB: refused (a zip bomb?).");
				}
			}
			return out.toByteArray();
		}
		catch (java.util.zip.DataFormatException ex) {
			throw new IllegalArgumentException("The PNG's compressed text is not valid deflate data.");
		}
		finally {
			inflater.end();
		}
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
			throw new IllegalArgumentException("This is not a PNG image.");
		}
		for (int i = 0; i < 8; i++) {
			if (png[i] != SIGNATURE[i]) {
				throw new IllegalArgumentException("This is not a PNG image.");
			}
		}
	}
}
