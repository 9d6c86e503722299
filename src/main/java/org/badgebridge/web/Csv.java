package org.badgebridge.web;

/** CSV for spreadsheets: lines of cells, each neutralised against formula injection and quoted where CSV needs it. */
public final class Csv {

	private Csv() {
	}

	/** Appends one line (CRLF-terminated) of cells. */
	public static void line(StringBuilder out, String... cells) {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(cell(cells[i]));
		}
		out.append("\r\n");
	}

	/**
	 * One cell, safe in a spreadsheet: a value starting with {@code = + - @}, a tab or a carriage return would be
	 * read as a formula, so it gets a leading apostrophe; then quoted where CSV needs it.
	 */
	public static String cell(String value) {
		String v = value == null ? "" : value;
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.contains(";")) {
			v = "\"" + v.replace("\"", "\"\"") + "\"";
		}
		return v;
	}
}
