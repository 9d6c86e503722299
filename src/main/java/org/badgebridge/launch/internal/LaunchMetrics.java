package org.badgebridge.launch.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code badgebridge.launches}: completed launches by platform, and refused LTI requests (login or launch) by HTTP
 * status. Tags are bounded: the registration's name, the outcome and the status; never a course or a person.
 */
@Component
class LaunchMetrics {

	private final MeterRegistry registry;

	LaunchMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void completed(ValidatedLaunch launch) {
		launches("success", launch.registration().name(), "200").increment();
	}

	void refused(int status) {
		launches("refused", "unknown", Integer.toString(status)).increment();
	}

	private Counter launches(String outcome, String platform, String status) {
		return Counter.builder("badgebridge.launches").description("LTI launches completed and LTI requests refused")
				.tag("outcome", outcome).tag("platform", platform).tag("status", status).register(registry);
	}
}
