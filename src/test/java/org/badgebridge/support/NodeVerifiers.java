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

import org.badgebridge.credential.AchievementCredentialSchema;

/**
 * Runs the independent npm verifiers of {@code src/test/node/verify.mjs}, which the build copies to
 * {@code target/node-verifier}; the first test that needs them installs them there ({@code npm ci}, once per build),
 * so that only these tests need Node.js and npm ({@code ./mvnw spring-boot:run} needs Java alone). Returns what they
 * printed.
 */
public final class NodeVerifiers {

	private static final Path DIR = Path.of("target", "node-verifier");

	private NodeVerifiers() {
	}

	/**
	 * {@code npm ci} in {@code target/node-verifier} unless it ran already for this very lock file (a stamp in
	 * node_modules keeps its hash, so a package added to src/test/node is installed in a work tree built before).
	 */
	static synchronized void install() {
		Path stamp = DIR.resolve("node_modules").resolve(".badgebridge-lock-hash");
		String lockHash = lockHash();
		try {
			if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(lockHash)) {
				return;
			}
		}
		catch (IOException ex) {
			// install again
		}
		if (!Files.isRegularFile(DIR.resolve("package-lock.json"))) {
			throw new IllegalStateException("The npm verifiers are not in " + DIR.toAbsolutePath()
					+ ": run ./mvnw generate-test-resources (the build copies src/test/node there)");
		}
		try {
			Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error")
					.directory(DIR.toFile())
					// never the test JVM's own streams: Surefire talks to its fork through them
					.redirectErrorStream(true).redirectOutput(DIR.resolve("npm-ci.log").toFile()).start();
			npm.getOutputStream().close();
			if (!npm.waitFor(10, TimeUnit.MINUTES)) {
				npm.destroyForcibly();
				throw new IllegalStateException("npm ci in " + DIR.toAbsolutePath() + " did not finish in 10 minutes");
			}
			if (npm.exitValue() != 0) {
				throw new IllegalStateException("npm ci in " + DIR.toAbsolutePath() + " exited with " + npm.exitValue()
						+ " (these tests need Node.js 18+ and npm on the path); its output: " + DIR.resolve("npm-ci.log").toAbsolutePath());
			}
			Files.writeString(stamp, lockHash);
		}
		catch (IOException ex) {
			throw new IllegalStateException("npm ci could not start (these tests need Node.js 18+ and npm on the path): "
					+ ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String lockHash() {
		try {
			byte[] lock = Files.readAllBytes(DIR.resolve("package-lock.json"));
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(lock));
		}
		catch (IOException | java.security.NoSuchAlgorithmException ex) {
			return "";
		}
	}

	/**
	 * DCC verifier-core on a credential (command {@code di}); the URL at which it fetches 1EdTech's JSON Schema is
	 * answered with the pinned copy in the test resources, so its own (ajv) schema check runs offline.
	 */
	public static Map<String, Object> verifyCredential(Path file) {
		try {
			Path schema = Path.of(NodeVerifiers.class.getResource(AchievementCredentialSchema.RESOURCE).toURI());
			return run("di", file, schema.toString());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Map<String, Object> run(String command, Path file, String... extra) {
		List<String> args = new ArrayList<>(List.of(command, file.toAbsolutePath().toString()));
		for (String e : extra) {
			if (e != null) {
				args.add(e);
			}
		}
		return script("verify.mjs", args);
	}

	/**
	 * The independent OpenID4VCI wallet of {@code wallet.mjs} (npm {@code @openid4vc/openid4vci}) taking the offer link:
	 * what it received ({@code credential}, its {@code publicJwk}).
	 */
	public static Map<String, Object> wallet(String offerLink, String txCode, String alg) {
		return script("wallet.mjs", List.of(offerLink, txCode == null ? "-" : txCode, alg));
	}

	private static Map<String, Object> script(String script, List<String> args) {
		install();
		List<String> cmd = new ArrayList<>(List.of("node", script));
		cmd.addAll(args);
		String command = script + " " + args.get(0);
		try {
			Path out = Files.createTempFile("node-verifier", ".json");
			Process process = new ProcessBuilder(cmd).directory(DIR.toFile()).redirectOutput(out.toFile())
					.redirectError(ProcessBuilder.Redirect.INHERIT).start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("node " + command + " did not finish in 120 s");
			}
			String text = Files.readString(out, StandardCharsets.UTF_8);
			Files.deleteIfExists(out);
			if (process.exitValue() != 0) {
				throw new IllegalStateException("node " + command + " exited with " + process.exitValue() + ": " + text);
			}
			int marker = text.lastIndexOf("\nRESULT ");
			if (marker < 0) {
				throw new IllegalStateException("node " + command + " printed no result: " + text);
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
