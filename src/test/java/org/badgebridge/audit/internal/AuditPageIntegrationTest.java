package org.badgebridge.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The admin's audit page: filtered by course, badge, person, action and days in the institution's time zone, sorted by
 * time, action or course each way with a stable order, 50 a page with the total, all in the database; the CSV has the
 * same rows in the same order with formula cells neutralised; a bad date is an error at its field; the retention purge
 * deletes only rows older than the retention period.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuditPageIntegrationTest {

	/** 2026-03-01T23:30Z is 2 March 00:30 in Amsterdam. */
	static final Instant LATE_ON_THE_FIRST = Instant.parse("2026-03-01T23:30:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog log;

	@Autowired
	AuditRetentionJob.Purge purge;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.quartz.Scheduler scheduler;

	/** A course title no other test uses, so the filter sees this test's rows only. */
	String course;

	@BeforeEach
	void rows() {
		course = "Audit course " + UUID.randomUUID().toString().substring(0, 8);
		// 120 rows: 60 AWARDED (person p0..p59) at one and the same time, 60 REVOKED a minute apart after it
		for (int i = 0; i < 60; i++) {
			log.append(entry(LATE_ON_THE_FIRST, AuditAction.AWARDED, course + " A", "p" + i, "row " + i));
		}
		for (int i = 0; i < 60; i++) {
			log.append(entry(LATE_ON_THE_FIRST.plus(Duration.ofDays(2)).plusSeconds(60L * i), AuditAction.REVOKED, course + " B",
					"q" + i, i == 0 ? "=HYPERLINK(\"http://evil\")" : "row " + (60 + i)));
		}
	}

	@Test
	void fiftyAPageWithTheTotalNewestFirstAndTiesByIdTheSameEveryTime() throws Exception {
		String first = page(get("/admin/audit").param("course", course));
		assertThat(first).contains("1–50 of 120", "Page 1 of 3");
		List<String> details = details(first);
		assertThat(details).hasSize(50);
		assertThat(details.get(0)).isEqualTo("row 119");
		String third = page(get("/admin/audit").param("course", course).param("page", "3"));
		assertThat(details(third)).hasSize(20).last().isEqualTo("row 0"); // equal times: by id, the other way too
		assertThat(details(page(get("/admin/audit").param("course", course).param("sort", "time").param("dir", "asc"))).get(1))
				.isEqualTo("row 1");
		assertThat(header(first, "time")).contains("aria-sort=\"descending\"", "dir=asc");
		assertThat(header(first, "action")).contains("aria-sort=\"none\"");
		assertThat(first).contains("<caption id=\"audit-caption\"", "scope=\"col\"");
	}

	@Test
	void sortedByActionOrCourseEachWay() throws Exception {
		String byAction = page(get("/admin/audit").param("course", course).param("sort", "action").param("dir", "asc"));
		assertThat(details(byAction).get(0)).isEqualTo("row 59"); // AWARDED first, then newest, then highest id
		assertThat(header(byAction, "action")).contains("aria-sort=\"ascending\"", "dir=desc");
		String byActionDesc = page(get("/admin/audit").param("course", course).param("sort", "action").param("dir", "desc"));
		assertThat(details(byActionDesc).get(0)).isEqualTo("row 119");
		String byCourseAsc = page(get("/admin/audit").param("course", course).param("sort", "course").param("dir", "asc"));
		assertThat(byCourseAsc).contains(course + " A").doesNotContain(course + " B");
		assertThat(page(get("/admin/audit").param("course", course).param("sort", "course").param("dir", "desc")))
				.contains(course + " B").doesNotContain(course + " A");
	}

	@Test
	void filtersByCourseBadgePersonActionAndDaysInTheInstitutionsZone() throws Exception {
		assertThat(page(get("/admin/audit").param("course", course + " b"))).contains("1–50 of 60");
		assertThat(page(get("/admin/audit").param("course", course).param("action", "AWARDED"))).contains("1–50 of 60");
		assertThat(details(page(get("/admin/audit").param("course", course).param("person", "q7")))).containsExactly("row 67");
		assertThat(details(page(get("/admin/audit").param("course", course).param("badge", "badge of q8")))).containsExactly("row 68");
		// the AWARDED rows happened on 2 March in Amsterdam (1 March in UTC)
		assertThat(page(get("/admin/audit").param("course", course).param("from", "2026-03-02").param("to", "2026-03-02")))
				.contains("1–50 of 60");
		assertThat(page(get("/admin/audit").param("course", course).param("to", "2026-03-01"))).contains("No recorded events match.");
		assertThat(page(get("/admin/audit").param("course", "100% _"))).contains("No recorded events match.");
	}

	@Test
	void aDateThatIsNoDateIsAnErrorAtItsField() throws Exception {
		String html = page(get("/admin/audit").param("course", course).param("from", "1 March"));
		assertThat(html).contains("id=\"audit-from-error\"", "Enter a date as year-month-day", "aria-invalid=\"true\"",
				"aria-describedby=\"audit-from-error\"");
		assertThat(details(html)).isEmpty();
		String range = page(get("/admin/audit").param("course", course).param("from", "2026-03-05").param("to", "2026-03-01"));
		assertThat(range).contains("id=\"audit-to-error\"", "The end date is before the start date.");
		String dutch = page(get("/admin/audit").param("from", "x").param("lang", "nl").header("Accept-Language", "nl"));
		assertThat(dutch).contains("Vul een datum in");
		assertThat(admin(get("/admin/audit.csv").param("from", "x")).getStatus()).isEqualTo(400);
	}

	@Test
	void theCsvHasTheSameRowsInTheSameOrderWithFormulasNeutralised() throws Exception {
		MockHttpServletResponse r = admin(get("/admin/audit.csv").param("course", course).param("action", "REVOKED")
				.param("sort", "time").param("dir", "asc"));
		assertThat(r.getStatus()).isEqualTo(200);
		assertThat(r.getContentType()).startsWith("text/csv");
		String csv = r.getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(61);
		assertThat(lines.get(0)).contains("Time", "Action", "Course", "Person");
		assertThat(lines.get(1)).contains("REVOKED", "q0", "\"'=HYPERLINK(\"\"http://evil\"\")\"").doesNotContain(",=HYPERLINK");
		assertThat(lines.get(60)).contains("q59", "row 119");
		assertThat(lines.get(0)).startsWith("\uFEFF");
		assertThat(lines.get(1)).startsWith("2026-03-04 00:30:00 Europe/Amsterdam");
	}

	@Test
	void theRetentionPurgeDeletesOnlyRowsOlderThanTheRetentionPeriod() throws Exception {
		assertThat(scheduler.checkExists(new org.quartz.TriggerKey("retention", "audit"))).as("on the clustered scheduler").isTrue();
		assertThat(purge.retention()).isEqualTo(Duration.ofDays(730));
		String old = "Old " + course;
		log.append(entry(Instant.now().minus(Duration.ofDays(731)), AuditAction.SUSPENDED, old, "old", "too old"));
		log.append(entry(Instant.now().minus(Duration.ofDays(729)), AuditAction.SUSPENDED, old, "young", "young enough"));
		assertThat(purge.run()).isPositive();
		assertThat(jdbc.sql("select person from audit_event where course_title=?").param(old).query(String.class).list())
				.containsExactly("young");
		assertThat(jdbc.sql("select count(*) from audit_event where course_title like ?").param(course + "%").query(Integer.class)
				.single()).isEqualTo(120);
	}

	/** The tool itself is "System", not "System system"; its named parts are said in words ("System (Dynamic Registration)"). */
	@Test
	void theSystemIsNamedOnce() throws Exception {
		String title = "System course " + System.nanoTime();
		log.append(AuditEntry.of(LATE_ON_THE_FIRST, "system", AuditAction.AWARDED).course(1L, 999_998L, title).about("p1", null, "by sync"));
		log.append(AuditEntry.of(LATE_ON_THE_FIRST.plusSeconds(1), "dynamic-registration", AuditAction.REGISTRATION_CHANGED)
				.course(1L, 999_998L, title).about(null, null, "created"));
		String page = page(get("/admin/audit").param("course", title));
		Matcher m = Pattern.compile("<td class=\"audit-actor\">(.*?)</td>", Pattern.DOTALL).matcher(page);
		List<String> actors = new ArrayList<>();
		while (m.find()) {
			actors.add(m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim());
		}
		assertThat(actors).containsExactly("System (Dynamic Registration)", "System");
	}

	private static AuditEntry entry(Instant at, AuditAction action, String courseTitle, String person, String detail) {
		return AuditEntry.of(at, "teacher:t1", action).course(1L, 999_999L, courseTitle).badge("b-" + person, "badge of " + person)
				.about(person, null, detail);
	}

	/**
	 * The filters are laid out as on the other admin lists (a grid of fields, each label above its own control), not in
	 * one wrapping row where a label ("From (day)") ended up beside another field's control (the Action list); and
	 * "All, no filter" clears them.
	 */
	@Test
	void theFiltersAreAGridOfLabelledFieldsAsOnTheOtherLists() throws Exception {
		String html = page(get("/admin/audit"));
		Matcher form = Pattern.compile("<form [^>]*id=\"audit-filter\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(html);
		assertThat(form.find()).isTrue();
		assertThat(form.group()).contains("class=\"list-filters\"");
		for (String control : List.of("audit-course", "audit-badge", "audit-person", "audit-action", "audit-from", "audit-to")) {
			assertThat(form.group(1)).as(control).containsPattern("<div class=\"filter-field\">\\s*<label for=\"" + control
					+ "\"[^>]*>[^<]*</label>\\s*<(input|select) [^>]*id=\"" + control + "\"");
		}
		assertThat(form.group(1)).contains("id=\"audit-reset\"", "All, no filter");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse r = admin(request);
		assertThat(r.getStatus()).isEqualTo(200);
		return r.getContentAsString(StandardCharsets.UTF_8);
	}

	private MockHttpServletResponse admin(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Basic "
				+ Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8)))).andReturn()
				.getResponse();
	}

	/** The detail cells of the table, in order. */
	private static List<String> details(String html) {
		Matcher m = Pattern.compile("<td class=\"audit-detail\"><span>([^<]*)</span>").matcher(html);
		List<String> found = new ArrayList<>();
		while (m.find()) {
			found.add(m.group(1).replace("&quot;", "\""));
		}
		return found;
	}

	private static String header(String html, String column) {
		Matcher m = Pattern.compile("<th [^>]*id=\"col-" + column + "\".*?</th>", Pattern.DOTALL).matcher(html);
		assertThat(m.find()).as("header " + column).isTrue();
		return m.group();
	}
}
