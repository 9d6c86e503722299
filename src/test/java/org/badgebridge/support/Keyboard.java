package org.badgebridge.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A keyboard-only user: reaches elements with TAB by their accessible name (what a screen reader announces) and
 * activates them with ENTER or SPACE, typing into fields, never clicking. Focus is followed into frames (an LMS
 * embeds the tool in one), and each element reached must show where the focus is: a computed outline or box-shadow
 * that is not none.
 */
public final class Keyboard {

	static final int MOST_TABS = 250;

	private final WebDriver driver;

	private final List<String> invisibleFocus = new ArrayList<>();

	public Keyboard(WebDriver driver) {
		this.driver = driver;
	}

	/**
	 * TAB until the focused element's accessible name is {@code name} (or starts with it, for names of three characters
	 * or more); the driver is then in its frame.
	 */
	public WebElement tabTo(String name) {
		return tabTo(name, e -> named(e, name));
	}

	/** TAB until the focused element is one {@code which} accepts; the driver is then in its frame. */
	public WebElement tabTo(String description, Predicate<WebElement> which) {
		List<String> passed = new ArrayList<>();
		for (int i = 0; i < MOST_TABS; i++) {
			new Actions(driver).sendKeys(Keys.TAB).perform();
			WebElement focused = focused();
			if (which.test(focused)) {
				if (!focusVisible(focused)) {
					invisibleFocus.add(description + " (" + focused.getTagName() + ")");
				}
				return focused;
			}
			passed.add(focused.getAccessibleName());
		}
		throw new AssertionError("\"" + description + "\" not reached by " + MOST_TABS + " tabs; passed: " + passed);
	}

	static boolean named(WebElement element, String name) {
		String accessible = element.getAccessibleName();
		if (accessible == null) {
			return false;
		}
		accessible = accessible.strip();
		return accessible.equals(name) || name.length() >= 3 && accessible.startsWith(name);
	}

	/** Reaches a link or button by name and presses ENTER on it. */
	public void activate(String name) {
		tabTo(name);
		enter();
	}

	public void enter() {
		new Actions(driver).sendKeys(Keys.ENTER).perform();
	}

	/** Reaches a checkbox (or button) by name and presses SPACE on it. */
	public void toggle(String name) {
		tabTo(name);
		new Actions(driver).sendKeys(Keys.SPACE).perform();
	}

	/** Reaches a field by name, selects what it holds and types {@code text} over it. */
	public void fill(String name, String text) {
		tabTo(name);
		new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(text).perform();
	}

	/** Reaches a select by name and chooses the option whose text starts with {@code option}, by arrow keys. */
	public void choose(String name, String option) {
		WebElement select = tabTo(name);
		for (Keys direction : List.of(Keys.ARROW_DOWN, Keys.ARROW_UP)) {
			for (int i = 0; i < 50; i++) {
				String chosen = (String) ((JavascriptExecutor) driver).executeScript(
						"return arguments[0].options[arguments[0].selectedIndex].text;", select);
				if (chosen.startsWith(option)) {
					return;
				}
				new Actions(driver).sendKeys(direction).perform();
			}
		}
		throw new AssertionError("no option \"" + option + "\" in " + name);
	}

	/** Elements that had the focus without showing it. */
	public List<String> invisibleFocus() {
		return List.copyOf(invisibleFocus);
	}

	/** The element that has the focus, in the innermost frame that has it; the driver is left in that frame. */
	WebElement focused() {
		driver.switchTo().defaultContent();
		WebElement element = driver.switchTo().activeElement();
		while ("iframe".equalsIgnoreCase(element.getTagName())) {
			driver.switchTo().frame(element);
			element = driver.switchTo().activeElement();
		}
		return element;
	}

	boolean focusVisible(WebElement element) {
		return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("""
				const s = getComputedStyle(arguments[0]);
				const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
				return outline || (s.boxShadow && s.boxShadow !== 'none');
				""", element));
	}
}
