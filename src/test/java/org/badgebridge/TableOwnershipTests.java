package org.badgebridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No module reads, writes or joins another module's tables: each module's main Java sources are scanned for SQL in
 * their string literals ({@code from}, {@code join}, {@code into}, {@code update}, {@code table} followed by a table,
 * and comma-separated {@code from} lists) and every table named must be the module's own. What a module needs from
 * another module's data it asks that module's public API for. The ownership map below follows the migrations'
 * {@code create table} statements and docs/architecture.md ("Where state lives"); Spring Modulith's
 * {@code EVENT_PUBLICATION} and Quartz's {@code qrtz_*} tables belong to no module.
 */
class TableOwnershipTests {

	static final Path MAIN = Path.of("src/main/java/org/badgebridge");

	static final List<Path> MIGRATIONS = List.of(Path.of("src/main/resources/db/migration"), Path.of("src/main/resources/db/vendor"));

	/** Table → the module that owns it. */
	static final Map<String, String> OWNER = Map.ofEntries(
			entry("platform_registration", "platform"), entry("platform_deployment", "platform"), entry("tool_key", "platform"),
			entry("platform_registration_change", "platform"),
			entry("lti_login_state", "launch"), entry("lti_pending_launch", "launch"), entry("tool_session", "launch"),
			entry("course_context", "course"), entry("course_member", "course"), entry("course_resource_link", "course"),
			entry("course_line_item", "course"), entry("course_result", "course"), entry("course_sync", "course"),
			entry("course_sync_setting", "course"), entry("course_sync_override", "course"), entry("course_poll", "course"),
			entry("course_request_budget", "course"),
			entry("badge_class", "badge"), entry("badge_image", "badge"), entry("issuer_profile", "badge"),
			entry("award", "award"), entry("award_log", "award"), entry("approval_request", "award"), entry("award_score_post", "award"),
			entry("email_verification", "claim"), entry("email_code_quota", "claim"), entry("claim_link", "claim"), entry("claim_reminder_optout", "claim"),
			entry("credential_key", "credential"), entry("credential_setting", "credential"), entry("ob3_credential", "credential"),
			entry("mail_outbox", "mail"), entry("page_notice", "web"),
			entry("admin_session", "web"),
			entry("account", "account"), entry("account_address", "account"), entry("account_lms_identity", "account"),
			entry("account_reminder_optout", "account"), entry("account_audit", "account"),
			entry("account_sign_in", "account"), entry("account_session", "account"), entry("account_address_check", "account"),
			entry("account_merge", "account"), entry("account_award", "account"), entry("account_name_choice", "account"),
			entry("account_oidc_identity", "account"), entry("account_oidc_request", "account"), entry("account_admin_session", "account"),
			entry("share_link", "sharing"),
			entry("audit_event", "audit"),
			entry("wallet_offer", "wallet"), entry("wallet_token", "wallet"), entry("wallet_nonce", "wallet"),
			entry("demo_user", "demolms"), entry("demo_course", "demolms"), entry("demo_tool", "demolms"),
			entry("demo_link", "demolms"), entry("demo_lineitem", "demolms"), entry("demo_grade", "demolms"),
			entry("demo_key", "demolms"), entry("demo_used_jti", "demolms"));

	/** Tables of the frameworks: no module's to touch with SQL of its own. */
	static boolean unowned(String table) {
		return table.equals("event_publication") || table.startsWith("qrtz_");
	}

	static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?`?(\\w+)`?");

	static final Pattern SQL_TABLE = Pattern.compile("(?i)\\b(from|join|into|update|table)\\s+`?([a-z_][a-z0-9_]*)`?");

	static final Pattern NEXT_IN_FROM_LIST = Pattern.compile("(?i)\\G(?:\\s+(?:as\\s+)?(?!(?:where|join|inner|left|right|cross|on|"
			+ "order|group|limit|for|union|set)\\b)[a-z_]\\w*)?\\s*,\\s*`?([a-z_][a-z0-9_]*)`?");

	@Test
	void everyTableTheMigrationsCreateHasAnOwnerAndTheMapHasNoStaleEntry() {
		Set<String> created = new TreeSet<>();
		for (Path dir : MIGRATIONS) {
			for (Path sql : files(dir, ".sql")) {
				Matcher m = CREATE_TABLE.matcher(read(sql));
				while (m.find()) {
					created.add(m.group(1).toLowerCase(Locale.ROOT));
				}
			}
		}
		assertThat(created).as("tables created by the migrations").isNotEmpty().contains("award", "event_publication");
		assertThat(created.stream().filter(t -> !unowned(t) && !OWNER.containsKey(t)))
				.as("tables without an owner in TableOwnershipTests.OWNER (add them, and to docs/architecture.md)").isEmpty();
		assertThat(OWNER.keySet().stream().filter(t -> !created.contains(t))).as("owners of tables no migration creates").isEmpty();
	}

	@Test
	void noModuleReferencesATableItDoesNotOwn() {
		List<String> violations = new ArrayList<>();
		Set<String> referenced = new TreeSet<>();
		for (Path file : files(MAIN, ".java")) {
			Path relative = MAIN.relativize(file);
			String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "(application)";
			for (String table : tablesReferenced(read(file))) {
				referenced.add(table);
				if (unowned(table) || !module.equals(OWNER.get(table))) {
					violations.add(module + " (" + relative + ") uses table " + table + ", owned by "
							+ (unowned(table) ? "no module" : OWNER.get(table)));
				}
			}
		}
		assertThat(referenced).as("tables the scan finds at all (it works)").hasSizeGreaterThan(25)
				.contains("award", "ob3_credential", "platform_registration", "course_result", "demo_grade");
		assertThat(violations).as("SQL on tables another module owns: use that module's public API").isEmpty();
	}

	/** The scan sees what it must: the SQL credential once ran on award's tables, in every shape it took. */
	@Test
	void theScanFindsJoinsSelectsUpdatesAndFromListsOfOtherTables() {
		String before = """
				class OpenBadges2 {
					// a comment about the table from which we read: select * from tool_key is not SQL here
					String salt = jdbc.sql("select recipient_salt from award where id=?").param(awardId).query(String.class).single();
					int n = jdbc.sql("update award set recipient_salt=? where id=? and recipient_salt is null").update();
					String list = \"""
							select a.id, a.revoke_reason from award a join badge_class b on b.id = a.badge_id
							where a.revoked_at is not null\""";
					String bits = "select o.status_index from ob3_credential o join award a on a.id = o.award_id where o.status_index >= ? and "
							+ "o.status_index < ?";
					String split = "select count(*) from " + "approval_request where x = '\\"'";
					String old = "select a.id from ob3_credential o, award_log l where 1 = 1";
					char quote = '"';
					String message = "Nothing from the database, update your settings";
				}
				""";
		assertThat(tablesReferenced(before)).containsExactlyInAnyOrder("award", "badge_class", "ob3_credential", "approval_request",
				"award_log");
		assertThat(OWNER.get("award")).isNotEqualTo("credential");
	}

	/** Known tables (or framework tables) named by SQL in the string literals of one Java source. */
	static Set<String> tablesReferenced(String javaSource) {
		Set<String> tables = new TreeSet<>();
		for (String text : stringLiterals(javaSource)) {
			Matcher m = SQL_TABLE.matcher(text);
			while (m.find()) {
				add(tables, m.group(2));
				if (m.group(1).equalsIgnoreCase("from")) {
					Matcher next = NEXT_IN_FROM_LIST.matcher(text);
					int at = m.end();
					while (next.find(at) && next.start() == at) {
						add(tables, next.group(1));
						at = next.end();
					}
				}
			}
		}
		return tables;
	}

	private static void add(Set<String> tables, String name) {
		String table = name.toLowerCase(Locale.ROOT);
		if (OWNER.containsKey(table) || unowned(table)) {
			tables.add(table);
		}
	}

	/**
	 * The contents of the string literals and text blocks of a Java source, comments left out; literals joined by
	 * {@code +} only are one text, so SQL split over several lines is read whole.
	 */
	static List<String> stringLiterals(String src) {
		List<String> texts = new ArrayList<>();
		StringBuilder current = null; // the text being joined, while only '+' and blanks follow a literal
		int i = 0;
		while (i < src.length()) {
			char c = src.charAt(i);
			if (src.startsWith("//", i)) {
				int end = src.indexOf('\n', i);
				i = end < 0 ? src.length() : end;
			}
			else if (src.startsWith("/*", i)) {
				int end = src.indexOf("*/", i + 2);
				i = end < 0 ? src.length() : end + 2;
			}
			else if (c == '\'') {
				current = null;
				i = src.charAt(i + 1) == '\\' ? src.indexOf('\'', i + 3) + 1 : i + 3;
			}
			else if (c == '"') {
				boolean block = src.startsWith("\"\"\"", i);
				String close = block ? "\"\"\"" : "\"";
				int j = i + close.length();
				StringBuilder text = new StringBuilder();
				while (j < src.length() && !src.startsWith(close, j)) {
					if (src.charAt(j) == '\\') {
						text.append(' ');
						j += 2;
					}
					else {
						text.append(src.charAt(j++));
					}
				}
				if (current == null) {
					current = new StringBuilder();
					texts.add(null);
				}
				current.append(text);
				texts.set(texts.size() - 1, current.toString());
				i = j + close.length();
			}
			else {
				if (current != null && !Character.isWhitespace(c) && c != '+') {
					current = null; // a comment between two literals joined by '+' does not end the text
				}
				i++;
			}
		}
		return texts;
	}

	private static List<Path> files(Path dir, String suffix) {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
