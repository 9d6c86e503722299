package org.badgebridge.browser.pages;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How a page of the current frame shows things, measured in the browser: an image as loaded and laid out, whether the
 * document scrolls sideways, where an element starts.
 */
public final class Shown {

	/** An image: its {@code src} attribute, the file's own size, and the size it is laid out at (CSS px). */
	public record Image(String src, long naturalWidth, long naturalHeight, double width, double height) {

		/** How far the laid-out ratio is from the file's own ratio, as a fraction of the file's ratio. */
		public double ratioError() {
			double own = (double) naturalWidth / naturalHeight;
			return Math.abs(width / height - own) / own;
		}
	}

	private Shown() {
	}

	/** The first image matching {@code by}, once the browser has loaded it. */
	public static Image image(WebDriver driver, By by) {
		WebElement img = driver.findElement(by);
		JavascriptExecutor js = (JavascriptExecutor) driver;
		new WebDriverWait(driver, Duration.ofSeconds(20))
				.until(x -> Boolean.TRUE.equals(js.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", img)));
		List<?> m = (List<?>) js.executeScript("const i = arguments[0], r = i.getBoundingClientRect();"
				+ " return [i.getAttribute('src'), i.naturalWidth, i.naturalHeight, r.width, r.height];", img);
		return new Image((String) m.get(0), ((Number) m.get(1)).longValue(), ((Number) m.get(2)).longValue(),
				((Number) m.get(3)).doubleValue(), ((Number) m.get(4)).doubleValue());
	}

	/** The document of the current frame: {@code scrollWidth - clientWidth}, positive when it scrolls sideways. */
	public static long sidewaysScroll(WebDriver driver) {
		return ((Number) ((JavascriptExecutor) driver)
				.executeScript("const r = document.documentElement; return r.scrollWidth - r.clientWidth;")).longValue();
	}

	/** Where the element starts below the top of the page, and the viewport's height (CSS px). */
	public static double[] topAndViewport(WebDriver driver, By by) {
		List<?> m = (List<?>) ((JavascriptExecutor) driver).executeScript(
				"return [arguments[0].getBoundingClientRect().top + window.scrollY, window.innerHeight];", driver.findElement(by));
		return new double[] { ((Number) m.get(0)).doubleValue(), ((Number) m.get(1)).doubleValue() };
	}
}
