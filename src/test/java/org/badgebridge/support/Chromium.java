package org.badgebridge.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium for browser tests, each with a fresh profile and its console log kept; {@link #close()}
 * quits them all.
 */
public final class Chromium implements AutoCloseable {

	private final List<WebDriver> drivers = new ArrayList<>();

	private final List<Path> profiles = new ArrayList<>();

	private final List<String> violations = new ArrayList<>();

	public WebDriver start(Map<String, Object> prefs) throws Exception {
		return start(prefs, List.of());
	}

	/**
	 * A browser whose user prefers {@code language} (a BCP 47 tag such as {@code nl-NL}): its interface language and
	 * the Accept-Language it sends.
	 */
	public WebDriver speaking(String language) throws Exception {
		String primary = language.split("-")[0];
		String accept = language.equals(primary) ? language : language + "," + primary;
		return start(Map.of("intl.accept_languages", accept), List.of("--lang=" + language));
	}

	public WebDriver start(Map<String, Object> prefs, List<String> arguments) throws Exception {
		Path profile = Files.createTempDirectory("bb-chromium");
		profiles.add(profile);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BrowserCondition.CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile,
				// cross-site frames in the page's own process: chromedriver's browser log then has their console too
				// (CSP refusals inside the LMS frame); cookies stay partitioned and blocked by site as before
				"--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process");
		options.addArguments(arguments);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		if (!prefs.isEmpty()) {
			options.setExperimentalOption("prefs", prefs);
		}
		ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(BrowserCondition.CHROMEDRIVER)).usingAnyFreePort().build();
		WebDriver driver = new ChromeDriver(service, options);
		drivers.add(driver);
		return driver;
	}

	/**
	 * What the browsers reported as refused by a Content-Security-Policy (console errors of every frame), since
	 * they started.
	 */
	public List<String> cspViolations() {
		drivers.forEach(this::collectViolations);
		return List.copyOf(violations);
	}

	private void collectViolations(WebDriver driver) {
		for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && entry.getMessage().contains("Content Security Policy")) {
				violations.add(entry.getMessage());
			}
		}
	}

	@Override
	public void close() {
		drivers.forEach(this::collectViolations);
		drivers.forEach(WebDriver::quit);
		drivers.clear();
		for (Path profile : profiles) {
			try {
				org.springframework.util.FileSystemUtils.deleteRecursively(profile);
			}
			catch (java.io.IOException ignored) {
				// a temporary profile left behind is harmless
			}
		}
		profiles.clear();
	}
}
