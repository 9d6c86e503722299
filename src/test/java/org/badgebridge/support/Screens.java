package org.badgebridge.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Viewport widths and full-page screenshots for review, through Chromium's DevTools protocol: the layout viewport is
 * set to a CSS pixel width (as a phone's 320 px), and a screenshot covers the whole page, the tool's frame included
 * (the LMS's fixed-height frame is stretched to its document first). Files go to
 * {@code target/screenshots/<walk>-<step>-<width>.png}.
 */
public final class Screens {

	public static final Path DIR = Path.of("target", "screenshots");

	public static final int WIDE = 1280;

	public static final int NARROW = 320;

	private Screens() {
	}

	/** Lays the page out at {@code width} CSS pixels (device scale 1). */
	public static void width(WebDriver driver, int width) {
		((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
	}

	/**
	 * A full-page screenshot of the top-level page. When {@code frame} names a frame of it (the driver's current
	 * context), that frame is first made as tall as its document, so its whole page is in the picture; the driver is
	 * back in that frame afterwards.
	 */
	public static Path capture(WebDriver driver, String walk, String step, int width, String frame) throws IOException {
		if (frame != null) {
			stretchFrame(driver, frame);
		}
		ChromeDriver chrome = (ChromeDriver) driver;
		Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
		double height = ((Number) content.get("height")).doubleValue();
		double pageWidth = Math.max(width, ((Number) content.get("width")).doubleValue());
		Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
				"captureBeyondViewport", true,
				"clip", Map.of("x", 0, "y", 0, "width", pageWidth, "height", height, "scale", 1)));
		Files.createDirectories(DIR);
		Path file = DIR.resolve(walk + "-" + step + "-" + width + ".png");
		Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
		if (frame != null) {
			driver.switchTo().frame(frame);
		}
		return file;
	}

	/**
	 * Makes the frame {@code frame} of the top-level page (the driver is in that frame) as tall as its document, so that
	 * a screenshot of the page holds the frame's whole page; the driver is at the top level afterwards.
	 */
	public static void stretchFrame(WebDriver driver, String frame) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		Number height = (Number) js.executeScript("return document.documentElement.scrollHeight;");
		driver.switchTo().defaultContent();
		// CSSOM from a script, not a style attribute: the Content-Security-Policy does not govern it
		js.executeScript("const f = document.getElementsByName(arguments[0])[0]; f.style.height = (arguments[1] + 20) + 'px';",
				frame, height.longValue());
	}

	/**
	 * What makes the document of the current frame wider than its viewport (it scrolls sideways): the outermost
	 * elements reaching past its right edge, as {@code tag#id.class (right edge px)}; empty when it fits.
	 */
	@SuppressWarnings("unchecked")
	public static List<String> sidewaysOverflow(WebDriver driver) {
		return (List<String>) ((JavascriptExecutor) driver).executeScript("""
				const root = document.documentElement, width = root.clientWidth;
				if (root.scrollWidth <= width + 1) return [];
				const out = [];
				for (const e of document.body.querySelectorAll('*')) {
				  const r = e.getBoundingClientRect();
				  if (r.right > width + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1)) {
				    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '')
				      + ' (' + Math.round(r.right) + ' px)');
				  }
				}
				return out.length ? out.slice(0, 5) : ['(the document, ' + root.scrollWidth + ' px)'];
				""");
	}
}
