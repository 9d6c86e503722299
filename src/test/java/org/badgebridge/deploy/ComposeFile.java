package org.badgebridge.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** {@code docker/compose.yaml}, read as the tests see it: its text and the tool's environment. */
record ComposeFile(String text, Map<String, Object> document) {

	static final Path PATH = Path.of("docker", "compose.yaml");

	static ComposeFile read() {
		try {
			String text = Files.readString(PATH);
			Map<String, Object> document = new Yaml().load(text);
			return new ComposeFile(text, document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> service(String name) {
		return (Map<String, Object>) ((Map<String, Object>) document.get("services")).get(name);
	}

	/** The environment the compose file gives the tool, every value as the string the container sees. */
	@SuppressWarnings("unchecked")
	Map<String, String> toolEnvironment() {
		Map<String, String> env = new LinkedHashMap<>();
		((Map<String, Object>) service("badgebridge").get("environment"))
				.forEach((key, value) -> env.put(key, String.valueOf(value)));
		return env;
	}
}
