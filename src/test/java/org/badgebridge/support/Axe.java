package org.badgebridge.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (pinned in {@code src/test/node/package.json}, installed by the build's {@code npm ci} into
 * {@code target/node-verifier}) run on the document of the driver's current frame, for WCAG 2.0/2.1 A and AA.
 * It is injected through WebDriver's script execution, which is a DevTools evaluation that the page's
 * Content-Security-Policy ({@code script-src 'self'}) does not govern: {@link #inject} checks that it arrived.
 * Every collapsed {@code <details>} is opened first, so what a user can expand is checked too.
 */
public final class Axe {

	static final Path SOURCE = Path.of("target", "node-verifier", "node_modules", "axe-core", "axe.min.js");

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	private static String source;

	private Axe() {
	}

	/** One violated rule on one page: where (the walk's step), the rule, its impact and the offending nodes. */
	public record Violation(String page, String rule, String impact, String help, List<String> targets) {

		public boolean blocking() {
			return BLOCKING.contains(impact);
		}

		@Override
		public String toString() {
			return page + ": " + rule + " (" + impact + ") " + help + " at " + String.join(", ", targets);
		}
	}

	/** Opens every {@code <details>} of the current document, runs axe and returns all violations it found. */
	public static List<Violation> check(WebDriver driver, String page) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript("document.querySelectorAll('details:not([open])').forEach(d => d.open = true);");
		inject(driver);
		Object raw = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
				  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact || 'unknown', help: v.help,
				      targets: v.nodes.map(n => n.target.join(' ')) }))))
				  .catch(e => done('axe failed: ' + e));
				""", TAGS);
		if (raw instanceof String failure) {
			throw new IllegalStateException(failure + " on " + page);
		}
		List<Violation> found = new ArrayList<>();
		for (Object o : (List<?>) raw) {
			Map<?, ?> v = (Map<?, ?>) o;
			List<String> targets = ((List<?>) v.get("targets")).stream().map(String::valueOf).toList();
			found.add(new Violation(page, (String) v.get("id"), (String) v.get("impact"), (String) v.get("help"), targets));
		}
		return found;
	}

	/** Only the violations of impact serious or critical. */
	public static List<Violation> blocking(List<Violation> violations) {
		return violations.stream().filter(Violation::blocking).toList();
	}

	static void inject(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		if (Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
			return;
		}
		js.executeScript(axeSource());
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
			throw new IllegalStateException("axe-core did not arrive in the page (refused by its Content-Security-Policy?)");
		}
	}

	private static synchronized String axeSource() {
		if (source == null) {
			NodeVerifiers.install();
			try {
				source = Files.readString(SOURCE, StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new IllegalStateException("axe-core is missing: " + SOURCE.toAbsolutePath()
						+ " (installed by npm ci from src/test/node/package.json, see NodeVerifiers)", e);
			}
		}
		return source;
	}
}
