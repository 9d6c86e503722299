package org.badgebridge.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Runs the independent npm verifiers of {@code src/test/node/verify.mjs}, which the build installs under
 * {@code target/node-verifier} ({@code npm ci} in process-test-resources), and returns what they printed.
 */
public final class NodeVerifiers {

	private static final Path DIR = Path.of("target", "node-verifier");

	private NodeVerifiers() {
	}

	public static Map<String, Object> run(String command, Path file, String... extra) {
		if (!Files.isDirectory(DIR.resolve("node_modules"))) {
			throw new IllegalStateException("The npm verifiers are not installed in " + DIR.toAbsolutePath()
					+ ": run ./mvnw process-test-resources (the build runs npm ci there)");
		}
		List<String> cmd = new ArrayList<>(List.of("node", "verify.mjs", command, file.toAbsolutePath().toString()));
		for (String e : extra) {
			if (e != null) {
				cmd.add(e);
			}
		}
		try {
			Path out = Files.createTempFile("node-verifier", ".json");
			Process process = new ProcessBuilder(cmd).directory(DIR.toFile()).redirectOutput(out.toFile())
					.redirectError(ProcessBuilder.Redirect.INHERIT).start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("node verify.mjs " + command + " did not finish in 120 s");
			}
			String text = Files.readString(out, StandardCharsets.UTF_8);
			Files.deleteIfExists(out);
			if (process.exitValue() != 0) {
				throw new IllegalStateException("node verify.mjs " + command + " exited with " + process.exitValue() + ": " + text);
			}
			int marker = text.lastIndexOf("\nRESULT ");
			if (marker < 0) {
				throw new IllegalStateException("node verify.mjs " + command + " printed no result: " + text);
			}
			return JSONObjectUtils.parse(text.substring(marker + "\nRESULT ".length()).trim());
		}
		catch (IOException | java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
