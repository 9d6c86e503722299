package org.badgebridge.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a suite on MySQL/MariaDB when {@code BADGEBRIDGE_TEST_MYSQL_URL} is set (always in CI). */
public class MySqlCondition implements ExecutionCondition {

	public static String url() {
		return System.getenv("BADGEBRIDGE_TEST_MYSQL_URL");
	}

	public static String user() {
		String v = System.getenv("BADGEBRIDGE_TEST_MYSQL_USER");
		return v == null ? "badgebridge" : v;
	}

	public static String password() {
		String v = System.getenv("BADGEBRIDGE_TEST_MYSQL_PASSWORD");
		return v == null ? "badgebridge" : v;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (url() != null && !url().isBlank()) {
			return ConditionEvaluationResult.enabled("MySQL/MariaDB at " + url());
		}
		return RequiresExternal.missing(context.getDisplayName(), "MySQL/MariaDB: set BADGEBRIDGE_TEST_MYSQL_URL "
				+ "(e.g. jdbc:mysql://127.0.0.1:3306/badgebridge_test)");
	}
}
