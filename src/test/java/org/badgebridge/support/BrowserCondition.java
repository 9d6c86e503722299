package org.badgebridge.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs browser suites when Debian's chromium and chromium-driver are installed (always in CI). */
public class BrowserCondition implements ExecutionCondition {

	public static final String CHROMIUM = "/usr/bin/chromium";

	public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (RequiresExternal.executable(CHROMIUM) && RequiresExternal.executable(CHROMEDRIVER)) {
			return ConditionEvaluationResult.enabled("chromium and chromedriver found");
		}
		return RequiresExternal.missing(context.getDisplayName(),
				"Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
	}
}
