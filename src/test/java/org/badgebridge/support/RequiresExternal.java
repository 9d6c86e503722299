package org.badgebridge.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * A suite that needs a real server or tool: skipped loudly on a developer's machine when it is missing,
 * failed when {@code CI=true}, where it must run.
 */
public final class RequiresExternal {

	private RequiresExternal() {
	}

	public static boolean inCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	public static ConditionEvaluationResult missing(String suite, String what) {
		String message = suite + " needs " + what;
		if (inCi()) {
			throw new IllegalStateException(message + ", and CI=true: this suite must run in CI (see .ci/run)");
		}
		System.err.println("\n!!! SKIPPED " + message + " !!!\n");
		return ConditionEvaluationResult.disabled("SKIPPED: " + message);
	}

	public static boolean executable(String path) {
		return Files.isExecutable(Path.of(path));
	}
}
