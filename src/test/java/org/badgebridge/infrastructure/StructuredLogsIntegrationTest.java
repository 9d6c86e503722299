package org.badgebridge.infrastructure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} turns the console log into one ECS JSON object a line, naming the
 * service, with the MDC's entries as fields (nothing in the tool's configuration stands in its way).
 */
@SpringBootTest(properties = "logging.structured.format.console=ecs")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsIntegrationTest {

	@Test
	void consoleLinesAreEcsJson(CapturedOutput output) throws Exception {
		org.slf4j.MDC.put("correlation.id", "c0ffee12");
		try {
			LoggerFactory.getLogger("org.badgebridge.test").info("structured line for the test");
		}
		finally {
			org.slf4j.MDC.remove("correlation.id");
		}
		String line = output.getOut().lines().filter(l -> l.contains("structured line for the test")).findFirst().orElseThrow();
		JsonNode json = new ObjectMapper().readTree(line);
		assertThat(json.path("@timestamp").asString()).isNotBlank();
		assertThat(json.toString()).contains("badgebridge", "INFO", "8.11", "c0ffee12");
		assertThat(json.path("message").asString()).isEqualTo("structured line for the test");
	}
}
