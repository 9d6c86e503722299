package org.badgebridge.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.context.MessageSource;

import org.badgebridge.support.Screens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screenshots the user guides ({@code docs/guides/*.md}) show: a page at a desktop width of {@value #WIDTH} CSS px,
 * at most {@value #MAX_HEIGHT} px of it (from the top, or from the part the guide points at), written to
 * {@code target/guide-screenshots/<lang>/<name>.png}; {@code docs/guides/screenshots.sh} copies them into
 * {@code docs/guides/images/<lang>/}. Before each picture the page must show the labels the guide names (taken from the
 * message bundles in the page's language), so a picture never shows a page the guide no longer describes; what a page
 * did not show is collected and fails the walk at its end ({@link #assertEveryPageShowedWhatTheGuideSays()}).
 */
final class GuideShots {

	static final Path DIR = Path.of("target", "guide-screenshots");

	static final int WIDTH = 1024;

	static final int MAX_HEIGHT = 1100;

	private final WebDriver driver;

	private final MessageSource messages;

	private final String lang;

	private final List<String> taken = new ArrayList<>();

	/** What a page did not show (collected, so that one run reports every page that differs from its guide). */
	private final List<String> missing = new ArrayList<>();

	GuideShots(WebDriver driver, MessageSource messages, String lang) {
		this.driver = driver;
		this.messages = messages;
		this.lang = lang;
		((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", WIDTH, "height", 800, "deviceScaleFactor", 1, "mobile", false));
	}

	/** The bundle text of {@code key} in the walk's language; for a message with arguments, its text before the first. */
	String text(String key) {
		String text = messages.getMessage(key, null, Locale.forLanguageTag(lang));
		int argument = text.indexOf('{');
		return (argument < 0 ? text : text.substring(0, argument)).replace("''", "'").trim();
	}

	/**
	 * Asserts that the page in the current frame shows the texts of {@code keys} (bundle keys) and {@code literals},
	 * then takes the screenshot {@code name}; {@code frame} names the LMS's frame the page is in, or is null.
	 */
	Path take(String name, String frame, List<String> keys, String... literals) throws IOException {
		return take(name, frame, null, keys, literals);
	}

	/** As {@link #take(String, String, List, String...)}, the picture starting a little above the element {@code from}. */
	Path take(String name, String frame, By from, List<String> keys, String... literals) throws IOException {
		String shown = driver.findElement(By.tagName("body")).getText();
		for (String key : keys) {
			if (!shown.contains(text(key))) {
				missing.add(lang + "/" + name + " does not show " + key + " \"" + text(key) + "\"");
			}
		}
		for (String literal : literals) {
			if (!shown.contains(literal)) {
				missing.add(lang + "/" + name + " does not show \"" + literal + "\"");
			}
		}
		String docLang = (String) ((JavascriptExecutor) driver).executeScript("return document.documentElement.lang;");
		if (docLang == null || !docLang.startsWith(lang)) {
			missing.add(lang + "/" + name + ": the page's lang is " + docLang);
		}
		Path file = capture(name, frame, from);
		taken.add(name);
		return file;
	}

	private Path capture(String name, String frame, By from) throws IOException {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		double top = from == null ? 0
				: ((Number) js.executeScript("return arguments[0].getBoundingClientRect().top + window.scrollY;",
						driver.findElement(from))).doubleValue();
		if (frame != null) {
			Screens.stretchFrame(driver, frame);
			top += from == null ? 0 : ((Number) js.executeScript("const f = document.getElementsByName(arguments[0])[0];"
					+ " return f.getBoundingClientRect().top + window.scrollY + f.clientTop;", frame)).doubleValue();
		}
		js.executeScript("window.scrollTo(0, 0);");
		ChromeDriver chrome = (ChromeDriver) driver;
		Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		double page = ((Number) ((Map<?, ?>) metrics.get("cssContentSize")).get("height")).doubleValue();
		double y = Math.max(0, Math.min(top - 16, page - MAX_HEIGHT));
		double height = Math.min(MAX_HEIGHT, page - y);
		Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
				"captureBeyondViewport", true, "clip", Map.of("x", 0, "y", y, "width", WIDTH, "height", height, "scale", 1)));
		Path dir = DIR.resolve(lang);
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".png");
		Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
		if (frame != null) {
			driver.switchTo().frame(frame);
		}
		return file;
	}

	/** Fails when a page did not show what its guide says, listing every such page. */
	void assertEveryPageShowedWhatTheGuideSays() {
		assertThat(missing).as("pages that do not show what the guides say").isEmpty();
	}

	/** The names taken so far, in order. */
	List<String> taken() {
		return List.copyOf(taken);
	}
}
