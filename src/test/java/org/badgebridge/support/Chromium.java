package org.badgebridge.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium for browser tests, each with a fresh profile; {@link #close()} quits them all. */
public final class Chromium implements AutoCloseable {

	private final List<WebDriver> drivers = new ArrayList<>();

	private final List<Path> profiles = new ArrayList<>();

	public WebDriver start(Map<String, Object> prefs) throws Exception {
		Path profile = Files.createTempDirectory("bb-chromium");
		profiles.add(profile);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BrowserCondition.CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile);
		if (!prefs.isEmpty()) {
			options.setExperimentalOption("prefs", prefs);
		}
		ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(BrowserCondition.CHROMEDRIVER)).usingAnyFreePort().build();
		WebDriver driver = new ChromeDriver(service, options);
		drivers.add(driver);
		return driver;
	}

	@Override
	public void close() {
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
