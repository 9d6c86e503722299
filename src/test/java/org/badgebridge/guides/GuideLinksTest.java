package org.badgebridge.guides;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user guides ({@code docs/guides/*.md}, English and Dutch): every image they show exists (a PNG taken by
 * {@code GuideScreenshotsBrowserTest}, small enough to keep in the repository), every link leads to an existing file
 * and, with a {@code #fragment}, to a heading of it; an English guide and its Dutch twin show the same pictures, each
 * in its own language, and every picture in {@code docs/guides/images/} is shown by one; the README links to all six.
 */
class GuideLinksTest {

	static final Path GUIDES = Path.of("docs", "guides");

	static final List<String> NAMES = List.of("admin", "teacher", "learner");

	/** Markdown links and images, {@code [text](target)} and {@code ![alt](target "title")}; text with balanced brackets. */
	static final Pattern LINK = Pattern.compile("(!?)\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])*)\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

	static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

	static final long MAX_IMAGE_BYTES = 200_000;

	@Test
	void everyImageExistsAndEveryLinkLeadsSomewhere() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path guide : guides()) {
			for (Link link : links(guide)) {
				if (link.target().matches("^[a-z][a-z0-9+.-]*:.*")) {
					continue; // https:, mailto: (checked by nobody offline)
				}
				String[] parts = link.target().split("#", 2);
				Path file = parts[0].isEmpty() ? guide : guide.getParent().resolve(parts[0]).normalize();
				if (!Files.isRegularFile(file)) {
					broken.add(guide + ": " + link.target() + " (no such file)");
					continue;
				}
				if (link.image()) {
					if (!file.toString().endsWith(".png") || link.text().isBlank()) {
						broken.add(guide + ": image " + link.target() + " must be a PNG with alt text");
					}
					else if (Files.size(file) > MAX_IMAGE_BYTES) {
						broken.add(guide + ": image " + link.target() + " is " + Files.size(file) + " bytes");
					}
				}
				if (parts.length == 2 && file.toString().endsWith(".md") && !anchors(file).contains(parts[1])) {
					broken.add(guide + ": " + link.target() + " (no heading with that anchor in " + file + ")");
				}
			}
		}
		assertThat(broken).as("broken images and links in the guides").isEmpty();
	}

	@Test
	void eachGuideShowsTheSamePicturesInItsOwnLanguage() throws IOException {
		for (String name : NAMES) {
			Set<String> english = images(GUIDES.resolve(name + ".md"), "images/en/");
			Set<String> dutch = images(GUIDES.resolve(name + ".nl.md"), "images/nl/");
			assertThat(english).as(name + ".md shows pictures").isNotEmpty();
			assertThat(dutch).as("the pictures of " + name + ".nl.md (Dutch ones) against " + name + ".md (English ones)")
					.isEqualTo(english);
		}
	}

	@Test
	void everyCommittedPictureIsShownByAGuide() throws IOException {
		for (String lang : List.of("en", "nl")) {
			Set<String> shown = new TreeSet<>();
			for (String name : NAMES) {
				shown.addAll(images(GUIDES.resolve(name + (lang.equals("en") ? ".md" : ".nl.md")), "images/" + lang + "/"));
			}
			Set<String> committed = new TreeSet<>();
			try (var files = Files.list(GUIDES.resolve("images").resolve(lang))) {
				files.forEach(f -> committed.add(f.getFileName().toString()));
			}
			assertThat(committed).as("pictures in docs/guides/images/" + lang + " that no guide shows").isEqualTo(shown);
		}
	}

	@Test
	void theReadmeLinksEveryGuide() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		for (Path guide : guides()) {
			assertThat(readme).as("README links " + guide).contains("(" + guide.toString().replace('\\', '/') + ")");
		}
	}

	@Test
	void anchorsAreGitHubs() {
		assertThat(slug("3. Criteria")).isEqualTo("3-criteria");
		assertThat(slug("Public or private, and the share link")).isEqualTo("public-or-private-and-the-share-link");
		assertThat(slug("Privacy en je account verwijderen")).isEqualTo("privacy-en-je-account-verwijderen");
		assertThat(slug("`badgebridge.retention.*`")).isEqualTo("badgebridgeretention");
	}

	record Link(boolean image, String text, String target) {
	}

	static List<Path> guides() {
		List<Path> all = new ArrayList<>();
		for (String name : NAMES) {
			all.add(GUIDES.resolve(name + ".md"));
			all.add(GUIDES.resolve(name + ".nl.md"));
		}
		assertThat(all).allSatisfy(p -> assertThat(p).isRegularFile());
		return all;
	}

	/** The links outside code: fenced blocks and inline code spans are left out. */
	static List<Link> links(Path file) throws IOException {
		List<Link> links = new ArrayList<>();
		for (String line : prose(file)) {
			Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", ""));
			while (m.find()) {
				links.add(new Link(!m.group(1).isEmpty(), m.group(2), m.group(3)));
			}
		}
		return links;
	}

	/** The image names a guide shows from {@code folder}, e.g. {@code teacher-columns.png}. */
	static Set<String> images(Path guide, String folder) throws IOException {
		Set<String> names = new TreeSet<>();
		for (Link link : links(guide)) {
			if (link.image()) {
				assertThat(link.target()).as(guide + " shows pictures from " + folder).startsWith(folder);
				names.add(link.target().substring(folder.length()));
			}
		}
		return names;
	}

	/** The anchors GitHub gives a file's headings (a repeated heading gets -1, -2, …). */
	static Set<String> anchors(Path file) throws IOException {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		for (String line : prose(file)) {
			Matcher m = HEADING.matcher(line);
			if (m.matches()) {
				String slug = slug(m.group(1));
				int n = seen.merge(slug, 1, Integer::sum) - 1;
				anchors.add(n == 0 ? slug : slug + "-" + n);
			}
		}
		return anchors;
	}

	static String slug(String heading) {
		return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
	}

	/** The lines outside fenced code blocks. */
	static List<String> prose(Path file) throws IOException {
		List<String> lines = new ArrayList<>();
		boolean fenced = false;
		for (String line : Files.readAllLines(file)) {
			if (line.stripLeading().startsWith("```")) {
				fenced = !fenced;
			}
			else if (!fenced) {
				lines.add(line);
			}
		}
		return lines;
	}
}
