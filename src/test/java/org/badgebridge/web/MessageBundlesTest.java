package org.badgebridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text of the pages comes from the message bundles in English and Dutch: every key a template names
 * ({@code #{key}}) or the Java code names ({@code "common.…"}, {@code "admin.…"}, {@code "teaching.…"},
 * {@code "learning.…"}) exists in the English default and the Dutch file of the bundles; every key of a bundle has
 * its translation and no empty text; keys carry their bundle's prefix; and a message with arguments writes an
 * apostrophe as two (MessageFormat would drop a single one and the text after it). Guards every engineer's
 * templates and bundles, not only the foundation's.
 */
class MessageBundlesTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path JAVA = Path.of("src/main/java");

	/** The bundles of {@code spring.messages.basename}, with the prefix their keys carry. */
	static final Map<String, List<String>> BUNDLES = Map.of("messages", List.of("common."), "teaching", List.of("teaching."),
			"learning", List.of("learning.", "public."), "admin", List.of("admin."),
			// the claim and revocation mails keep their old keys until the mail templates replace them
			"mail", List.of("mail.", "claim.mail.", "revoke.mail."));

	static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9_])\\s*(?:\\(|})");

	static final Pattern JAVA_KEY = Pattern.compile("\"((?:common|admin|teaching|learning|public)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

	@Test
	void theBasenameOfTheApplicationNamesExactlyTheseBundles() throws IOException {
		String yml = Files.readString(Path.of("src/main/resources/application.yml"));
		assertThat(yml).contains("basename: i18n/messages,i18n/teaching,i18n/learning,i18n/mail,i18n/admin");
		for (String bundle : BUNDLES.keySet()) {
			assertThat(Path.of("src/main/resources/i18n", bundle + ".properties")).exists();
			assertThat(Path.of("src/main/resources/i18n", bundle + "_nl.properties")).exists();
		}
	}

	@Test
	void everyKeyOfTheTemplatesAndTheCodeExistsInEnglishAndDutch() throws IOException {
		Properties english = all("");
		Properties dutch = all("_nl");
		Map<String, String> used = new LinkedHashMap<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher m = TEMPLATE_KEY.matcher(Files.readString(f));
				while (m.find()) {
					used.putIfAbsent(m.group(1), TEMPLATES.relativize(f).toString());
				}
			}
		}
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher m = JAVA_KEY.matcher(Files.readString(f));
				while (m.find()) {
					used.putIfAbsent(m.group(1), JAVA.relativize(f).toString());
				}
			}
		}
		assertThat(used).as("keys found in templates and code").containsKeys("common.skip", "common.language.label",
				"admin.issuers.timeZone", "common.refused.noSession");
		// the keys domain refusals carry (badge, course, award, claim, launch) are found by the same scan
		assertThat(used).as("keys of domain refusals").containsKeys("common.error.badge.imageType", "common.error.criteria.json",
				"common.error.column.label", "common.error.award.suspendReason", "learning.error.codeWrong",
				"common.launch.refused.invalid", "common.launch.refused.deploymentUnknown");
		List<String> missing = new ArrayList<>();
		used.forEach((key, where) -> {
			if (!english.containsKey(key)) {
				missing.add(key + " (" + where + ") has no English text");
			}
			if (!dutch.containsKey(key)) {
				missing.add(key + " (" + where + ") has no Dutch text");
			}
		});
		assertThat(missing).isEmpty();
	}

	@Test
	void everyBundleKeyHasItsTranslationItsPrefixAndSafeApostrophes() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Map.Entry<String, List<String>> bundle : BUNDLES.entrySet()) {
			Properties en = load(bundle.getKey() + ".properties");
			Properties nl = load(bundle.getKey() + "_nl.properties");
			TreeSet<String> keys = new TreeSet<>(en.stringPropertyNames());
			keys.addAll(nl.stringPropertyNames());
			for (String key : keys) {
				if (!en.containsKey(key)) {
					problems.add(bundle.getKey() + ": " + key + " is Dutch only");
				}
				if (!nl.containsKey(key)) {
					problems.add(bundle.getKey() + ": " + key + " has no Dutch translation");
				}
				if (bundle.getValue().stream().noneMatch(key::startsWith)) {
					problems.add(bundle.getKey() + ": " + key + " does not start with " + bundle.getValue());
				}
				for (Properties p : List.of(en, nl)) {
					String text = p.getProperty(key);
					if (text != null && text.isBlank()) {
						problems.add(bundle.getKey() + ": " + key + " is empty");
					}
					if (text != null && text.matches("(?s).*\\{\\d.*")) {
						try {
							new java.text.MessageFormat(text, java.util.Locale.ENGLISH);
						}
						catch (IllegalArgumentException ex) {
							problems.add(bundle.getKey() + ": " + key + " is no valid message pattern: " + ex.getMessage());
						}
					}
					if (text != null && text.matches("(?s).*\\{\\d.*") && text.replace("''", "").contains("'")) {
						problems.add(bundle.getKey() + ": " + key + " has arguments and a single apostrophe: write '' ("
								+ text + ")");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theDutchTextsAreDutch() throws IOException {
		Properties en = load("messages.properties");
		Properties nl = load("messages_nl.properties");
		assertThat(nl.getProperty("common.skip")).isEqualTo("Naar de hoofdinhoud").isNotEqualTo(en.getProperty("common.skip"));
		long same = en.stringPropertyNames().stream().filter(k -> en.getProperty(k).length() > 12)
				.filter(k -> en.getProperty(k).equals(nl.getProperty(k))).count();
		assertThat(same).as("longer texts left in English in the Dutch bundle").isZero();
	}

	static Properties all(String suffix) throws IOException {
		Properties all = new Properties();
		for (String bundle : BUNDLES.keySet()) {
			all.putAll(load(bundle + suffix + ".properties"));
		}
		return all;
	}

	static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/i18n", name))) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}
}
