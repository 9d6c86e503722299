package org.badgebridge.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail is append-only: no source of the application updates {@code audit_event}, and the only statement that
 * deletes from it is the retention purge's (in {@code AuditLog.purgeBefore}); no module but {@code audit} names it.
 */
class AuditAppendOnlyTests {

	static final Path MAIN = Path.of("src/main/java");

	@Test
	void nothingUpdatesTheAuditTrailAndOnlyTheRetentionPurgeDeletesFromIt() throws IOException {
		List<String> writes = new ArrayList<>();
		List<String> naming = new ArrayList<>();
		Pattern update = Pattern.compile("update\\s+audit_event|merge\\s+into\\s+audit_event|replace\\s+into\\s+audit_event");
		Pattern delete = Pattern.compile("(delete\\s+from\\s+|truncate\\s+(table\\s+)?|drop\\s+table\\s+)audit_event");
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String text = Files.readString(file).toLowerCase(Locale.ROOT);
				String name = MAIN.relativize(file).toString().replace('\\', '/');
				if (text.contains("audit_event")) {
					naming.add(name);
				}
				Matcher u = update.matcher(text);
				while (u.find()) {
					writes.add(name + ": " + u.group());
				}
				Matcher d = delete.matcher(text);
				while (d.find()) {
					writes.add(name + ": " + d.group());
				}
			}
		}
		assertThat(writes).containsExactly("org/badgebridge/audit/internal/AuditLog.java: delete from audit_event");
		assertThat(naming).allMatch(n -> n.startsWith("org/badgebridge/audit/"));
		String log = Files.readString(MAIN.resolve("org/badgebridge/audit/internal/AuditLog.java"));
		assertThat(log).containsOnlyOnce("delete from audit_event where occurred_at < ?");
		assertThat(log.substring(log.indexOf("int purgeBefore("))).contains("delete from audit_event");
	}

	@Test
	void theMigrationsNeverChangeTheAuditTrailsRowsAfterCreatingIt() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String text = Files.readString(file).toLowerCase(Locale.ROOT);
				if (text.matches("(?s).*(update\\s+audit_event|delete\\s+from\\s+audit_event).*")) {
					found.add(file.toString());
				}
			}
		}
		assertThat(found).isEmpty();
	}
}
