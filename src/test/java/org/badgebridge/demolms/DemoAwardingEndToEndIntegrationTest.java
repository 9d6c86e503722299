package org.badgebridge.demolms;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.mail.Outbox;
import org.badgebridge.platform.Registrations;
import org.badgebridge.support.FreePort;
import org.badgebridge.support.HttpBrowser;
import org.badgebridge.support.DemoServerTest;
import org.badgebridge.support.NodeVerifiers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when", end to end over real HTTP with the demo LMS: a teacher attaches a badge with "at
 * least 80% on Final project", grades a learner 85 in the LMS gradebook, and within one sync the award
 * exists, the gradebook shows the badge column at 1 and the claim mail is in the outbox with a working link.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class DemoAwardingEndToEndIntegrationTest extends DemoServerTest {


	@Autowired
	Registrations registrations;

	@Autowired
	Awards awards;

	@Autowired
	Outbox outbox;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;


	static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
		return org.awaitility.Awaitility.await(what).atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
				.until(probe::get, value -> value != null && !Boolean.FALSE.equals(value));
	}

	static String csrf(HttpBrowser.Page page) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(m.find()).as("csrf token on " + page.uri()).isTrue();
		return m.group(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void gradeOfEightyFiveAwardsTheBadgeWritesItBackAndQueuesTheClaimMail(
			org.springframework.boot.test.system.CapturedOutput output) throws Exception {
		await("the demo's Dynamic Registration", () -> registrations.byIssuer(demo).isEmpty() ? null : true);
		HttpBrowser teacher = new HttpBrowser();
		String tool = "http://localhost:" + PORT;

		// the teacher adds a badge activity by Deep Linking
		String name = "Data Literacy " + UUID.randomUUID().toString().substring(0, 4);
		HttpBrowser.Page picker = teacher.settle(teacher.get(demo + "/initiate?user=101&dl=1"));
		teacher.settle(teacher.submit(picker, "create-badge", Map.of("name", name, "description", "Reads data")));
		Matcher link = Pattern.compile("launch\\?user=101&amp;link=(\\d+)").matcher(teacher.get(demo).body());
		long linkId = -1;
		while (link.find()) {
			linkId = Long.parseLong(link.group(1));
		}
		HttpBrowser.Page page = teacher.settle(teacher.get(demo + "/initiate?user=101&link=" + linkId));
		assertThat(page.body()).contains("id=\"teacher-view\"", name);
		String badgeUrl = page.uri().toString();

		// creates an assessed column "Final project" and sets "at least 80%" on it, then switches awarding on
		page = teacher.post(badgeUrl + "/columns", Map.of("_csrf", csrf(page), "label", "Final project", "maximum", "100"));
		assertThat(page.body()).contains("Column &quot;Final project&quot; created");
		// the rule is set on the set-up's criteria step, whose column list names the new column
		page = teacher.get(badgeUrl + "/setup/criteria");
		Matcher option = Pattern.compile("<option value=\"([^\"]+)\">Final project").matcher(page.body());
		assertThat(option.find()).isTrue();
		String column = HtmlUtils.htmlUnescape(option.group(1));
		page = teacher.post(badgeUrl + "/criteria", Map.of("_csrf", csrf(page), "column", column, "threshold", "PERCENT", "value", "80"));
		assertThat(page.body()).contains("At least 80% on Final project");
		page = teacher.post(badgeUrl + "/awarding", Map.of("_csrf", csrf(page), "on", "true"));
		assertThat(page.body()).contains("id=\"awarding-on\"");

		// grades Ana 85 in the LMS's own gradebook (the tool's "Final project" column)
		HttpBrowser lms = new HttpBrowser();
		HttpBrowser.Page gradebook = lms.get(demo + "/gradebook");
		Matcher header = Pattern.compile("<th><span>([^<]*)</span><br>\\s*<span class=\"hint\">([^<]*)</span></th>").matcher(gradebook.body());
		Matcher inputs = Pattern.compile("id=\"g_(\\d+)_201\"").matcher(gradebook.body());
		String finalProject = null;
		String badgeColumn = null;
		while (header.find() && inputs.find()) {
			if (header.group(1).equals("Final project") && header.group(2).contains("tool column")) {
				finalProject = inputs.group(1);
			}
			if (header.group(1).equals(name)) {
				badgeColumn = inputs.group(1);
			}
		}
		assertThat(finalProject).as("the tool's Final project column in the gradebook").isNotNull();
		assertThat(badgeColumn).as("the badge activity's column").isNotNull();
		lms.post(demo + "/gradebook", Map.of("_csrf", csrf(gradebook), "g_" + finalProject + "_201", "85",
				"g_" + finalProject + "_202", "60"));

		// within one sync: the award, the write-back, the claim mail
		teacher.post(badgeUrl + "/sync", Map.of("_csrf", csrf(teacher.get(badgeUrl))));
		Award award = await("Ana's award", () -> awards.forBadge(badgeId(badgeUrl)).stream()
				.filter(a -> a.userSub().equals("201")).findFirst().orElse(null));
		assertThat(awards.forBadge(badgeId(badgeUrl))).as("Ben has 60%: no award").hasSize(1);
		String badgeItem = badgeColumn;
		Pattern earned = Pattern.compile("id=\"g_" + badgeItem + "_201\"\\s+name=\"g_" + badgeItem + "_201\" value=\"1\"");
		await("the badge column at 1 for Ana", () -> earned.matcher(lms.getQuietly(demo + "/gradebook")).find() ? true : null);
		OutgoingMail mail = await("the claim mail", () -> outbox.recent(50).stream()
				.filter(m -> m.dedupKey().equals("claim:" + award.id())).findFirst().orElse(null));
		assertThat(mail.recipient()).isEqualTo("ana@demo.badgebridge.test");
		// issue 13: one correlation id finds the sync, the award, the write-back and the mail in the log
		// the sync logs its count once its awards are made, which may be after their claim mail was queued: wait for it.
		// Readable lines carry the id as "[id] ", ECS JSON lines (when an earlier test of this JVM switched the console to
		// JSON) as "correlation":{"id":"..."}
		Pattern awardLinePattern = Pattern.compile("\\[([0-9a-f-]{12})\\] .*Course " + award.contextId() + ": 1 new award\\(s\\) after sync"
				+ "|Course " + award.contextId() + ": 1 new award\\(s\\) after sync\".*\"correlation\":\\{\"id\":\"([0-9a-f-]{12})\"");
		Matcher awardLine = await("the award line with its correlation id", () -> {
			Matcher m = awardLinePattern.matcher(output.getOut());
			return m.find() ? m : null;
		});
		String raw = awardLine.group(1) != null ? awardLine.group(1) : awardLine.group(2);
		java.util.function.Predicate<String> id = l -> l.contains("[" + raw + "] ") || l.contains("\"correlation\":{\"id\":\"" + raw + "\"}");
		await("the write-back line", () -> output.getOut().lines()
				.anyMatch(l -> id.test(l) && l.contains("Score of award " + award.id() + " (EARNED) written back")) ? true : null);
		assertThat(output.getOut().lines()).as("sync and mail lines of " + raw)
				.anyMatch(l -> id.test(l) && l.contains("Sync of course " + award.contextId() + " done"))
				.anyMatch(l -> id.test(l) && l.contains("Claim mail for award " + award.id() + " queued"));
		assertThat(mail.subject()).contains(name);
		assertThat(mail.htmlBody()).contains("lang=\"en\"");
		Matcher mailLink = Pattern.compile("<a id=\"mail-claim-link\" href=\"([^\"]+)\">([^<]+)</a>").matcher(mail.htmlBody());
		assertThat(mailLink.find()).as("the HTML part's claim link").isTrue();
		assertThat(HtmlUtils.htmlUnescape(mailLink.group(2))).as("the link says where it goes").isEqualTo("Claim your badge \"" + name + "\"");
		Matcher claim = Pattern.compile("(http://localhost:" + PORT + "/claim/[A-Za-z0-9_-]+)").matcher(mail.textBody());
		assertThat(claim.find()).isTrue();
		assertThat(HtmlUtils.htmlUnescape(mailLink.group(1))).as("both parts carry the same link").isEqualTo(claim.group(1));

		// the link works: the learner accepts the badge
		HttpBrowser ana = new HttpBrowser();
		HttpBrowser.Page claimPage = ana.get(claim.group(1));
		assertThat(claimPage.status()).isEqualTo(200);
		assertThat(claimPage.body()).contains(name, "id=\"accept\"");
		HttpBrowser.Page claimed = ana.post(claim.group(1), Map.of("_csrf", csrf(claimPage)));
		assertThat(claimed.body()).contains("id=\"claimed\"");
		assertThat(awards.find(award.id()).orElseThrow().claimed()).isTrue();

		// the teacher's table and the learner's panel agree; the criteria table counts who meets each rule now
		String teacherPage = teacher.get(badgeUrl).body();
		assertThat(teacherPage).contains("claimed", "id=\"count-earned\">1<");
		String criteriaStep = teacher.get(badgeUrl + "/setup/criteria").body();
		assertThat(criteriaStep).contains("id=\"criteria-counts\"");
		assertThat(criteriaStep).containsPattern("At least 80% on Final project</td><td class=\"count\">1</td>");
		HttpBrowser.Page panel = ana.settle(ana.get(demo + "/initiate?user=201&link=" + linkId));
		assertThat(panel.body()).contains("id=\"earned\"", "You claimed this badge on", "Score at least 80% on \u201cFinal project\u201d",
				"id=\"panel-json\"", "id=\"public-page-link\"");
		String fromPanel = ana.get(tool + "/lti/learn/badges/" + badgeId(badgeUrl) + "/credential.json").body();
		assertThat(fromPanel).contains("\"OpenBadgeCredential\"", "\"proof\"");
		HttpBrowser ben = new HttpBrowser();
		HttpBrowser.Page benPanel = ben.settle(ben.get(demo + "/initiate?user=202&link=" + linkId));
		assertThat(benPanel.body()).contains("id=\"progress\"", "Your result: 60 / 100 (60%), not enough yet", "value=\"75\"").doesNotContain("id=\"earned\"");
		assertThat(ben.get(tool + "/lti/learn/badges/" + badgeId(badgeUrl) + "/credential.json").status()).as("Ben has no award")
				.isEqualTo(404);

		// a second sync changes nothing: still one award, one mail
		long before = System.currentTimeMillis();
		teacher.post(badgeUrl + "/sync", Map.of("_csrf", csrf(teacher.get(badgeUrl))));
		await("the second sync and its listeners", () -> jdbc.sql("select count(*) from course_sync where context_id=? and last_finished_at>=?")
				.params(award.contextId(), before).query(Integer.class).single() == 1
				&& jdbc.sql("select count(*) from event_publication where completion_date is null").query(Integer.class).single() == 0);
		assertThat(awards.forBadge(badgeId(badgeUrl))).hasSize(1);
		assertThat(outbox.recent(100).stream().filter(m -> m.dedupKey().startsWith("claim:" + award.id()))).hasSize(1);

		// issue 4's "done when": the award has a public page, a hosted OB 2.0 assertion, a baked PNG and an OB 3.0
		// credential that an independent verifier accepts; revoking it is visible everywhere
		Path dir = Files.createTempDirectory("e2e");
		String credential = ana.get(claim.group(1) + "/credential.json").body();
		assertThat(credential).as("the same credential from the claim page and the panel").isEqualTo(fromPanel);
		Path credentialFile = Files.writeString(dir.resolve("credential.json"), credential);
		Map<String, Object> verified = NodeVerifiers.verifyCredential(credentialFile);
		assertThat((Map<String, Object>) verified.get("log")).as(verified.toString()).containsEntry("valid_signature", true)
				.containsEntry("revocation_status", true);
		assertThat((List<Map<String, Object>>) verified.get("schema")).as("verifier-core's check against 1EdTech's schema")
				.singleElement().satisfies(result -> assertThat(result).containsEntry("valid", true));
		assertThat(credential).contains("\"evidence\"", "Final project (result 85 / 100)");
		HttpBrowser employer = new HttpBrowser();
		assertThat(employer.get(tool + "/verify/" + award.id()).body()).contains("id=\"status\"", "Valid", name);
		assertThat(employer.get(tool + "/ob2/assertions/" + award.id(), Map.of("Accept", "application/ld+json")).body())
				.contains("\"type\":\"Assertion\"").doesNotContain("revoked");
		byte[] baked = employer.getBytes(tool + "/ob2/assertions/" + award.id() + "/baked.png");
		Path bakedFile = Files.write(dir.resolve("baked.png"), baked);
		assertThat(NodeVerifiers.run("png", bakedFile, "openbadges").get("text").toString()).contains("/ob2/assertions/" + award.id());

		HttpBrowser.Page table = teacher.get(badgeUrl);
		teacher.post(badgeUrl + "/revoke", Map.of("_csrf", csrf(table), "award", award.id(), "reason", "Copied the project"));
		Map<String, Object> afterRevocation = NodeVerifiers.verifyCredential(credentialFile);
		assertThat((Map<String, Object>) afterRevocation.get("log")).containsEntry("revocation_status", false);
		assertThat(employer.get(tool + "/verify/" + award.id()).body()).contains("Revoked on").doesNotContain("Copied the project");
		assertThat(employer.get(tool + "/ob2/assertions/" + award.id(), Map.of("Accept", "application/ld+json")).body())
				.contains("\"revoked\":true").doesNotContain("Copied the project");

		// issue 13: an employer checks the revoked credential on /verify; then the admin's scrape shows the whole run
		HttpBrowser.Page check = employer.get(tool + "/verify");
		assertThat(employer.post(tool + "/verify", Map.of("_csrf", csrf(check), "text", credential)).body()).contains("Revoked");
		String admin = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes());
		String scrape = new HttpBrowser().get(tool + "/actuator/prometheus", Map.of("Authorization", admin)).body();
		String platform = "platform=\"" + registrations.byIssuer(demo).get(0).name() + "\"";
		assertThat(metric(scrape, "badgebridge_launches_total", "outcome=\"success\"", platform)).as("launches").isGreaterThanOrEqualTo(2);
		assertThat(metric(scrape, "badgebridge_sync_seconds_count", "outcome=\"SUCCESS\"")).as("syncs").isGreaterThanOrEqualTo(2);
		assertThat(metric(scrape, "badgebridge_sync_seconds_sum", "outcome=\"SUCCESS\"")).as("sync time").isPositive();
		assertThat(metric(scrape, "badgebridge_lms_calls_seconds_count", platform, "method=\"GET\"", "status=\"200\""))
				.as("reads of the gradebook").isGreaterThanOrEqualTo(2);
		assertThat(metric(scrape, "badgebridge_lms_calls_seconds_count", platform, "method=\"POST\"", "status=\"200\""))
				.as("tokens and the score written back").isGreaterThanOrEqualTo(1);
		assertThat(metric(scrape, "badgebridge_awards_total")).as("awards").isGreaterThanOrEqualTo(1);
		assertThat(metric(scrape, "badgebridge_claims_total")).as("claims").isGreaterThanOrEqualTo(1);
		assertThat(metric(scrape, "badgebridge_credentials_issued_total", "format=\"ob3\"")).as("credentials").isGreaterThanOrEqualTo(1);
		assertThat(metric(scrape, "badgebridge_mails", "state=\"QUEUED\"")).as("the claim mail waits (no SMTP)").isGreaterThanOrEqualTo(1);
		assertThat(metric(scrape, "badgebridge_verifications_total", "verdict=\"REVOKED\"")).as("verifications").isGreaterThanOrEqualTo(1);
		assertThat(scrape).as("no course, badge or person in a label").doesNotContain(award.id(), name, badgeId(badgeUrl))
				.doesNotContainPattern("badgebridge_[a-z_]+\\{[^}]*(course|context|user|learner|award|badge)[a-z_]*=");
	}

	/** The sum of a metric's samples whose labels contain all the given pairs (e.g. {@code outcome="success"}). */
	static double metric(String scrape, String name, String... labels) {
		double sum = 0;
		boolean found = false;
		for (String line : scrape.split("\n")) {
			if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
				String labelPart = line.contains("}") ? line.substring(0, line.lastIndexOf('}')) : "";
				if (java.util.Arrays.stream(labels).allMatch(labelPart::contains)) {
					sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
					found = true;
				}
			}
		}
		assertThat(found).as(name + " " + String.join(",", labels) + " in the scrape").isTrue();
		return sum;
	}

	static String badgeId(String badgeUrl) {
		return badgeUrl.substring(badgeUrl.lastIndexOf('/') + 1);
	}

}
