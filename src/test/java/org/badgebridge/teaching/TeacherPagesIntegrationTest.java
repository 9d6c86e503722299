package org.badgebridge.teaching;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.badgebridge.award.Awards;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.Criteria;
import org.badgebridge.badge.Criterion;
import org.badgebridge.course.CourseSyncs;
import org.badgebridge.support.CourseActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.badgebridge.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The teacher's pages as a teacher meets them: each set-up step saves with a confirmation or says what is wrong at
 * the field; the dashboard pages, searches and sorts the learners in the database and tells "no grade yet" from 0;
 * the CSV export is safe in a spreadsheet; the status endpoint; the mirror formula as Moodle needs it; revoking asks
 * first and its reason stays private.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TeacherPagesIntegrationTest {

	static final String COLUMN = "https://lms.example.edu/lineitems/final";

	@Autowired
	MockMvc mvc;

	@Autowired
	CourseActors actors;

	@Autowired
	Badges badges;

	@Autowired
	Awards awards;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CourseSyncs syncs;

	@Autowired
	javax.sql.DataSource dataSource;

	CourseActors.Cast cast;

	String base;

	@BeforeEach
	void cast() {
		cast = actors.cast();
		base = "/lti/teach/badges/" + cast.badge().id();
	}

	@Test
	void aCourseNeverReadIsReadWhenItsTeacherOpensTheBadgeAndThePageSaysSo() throws Exception {
		String page = page(get(base));
		assertThat(page).contains("Reading the course", "data-running=\"true\"", "aria-live=\"polite\"")
				.doesNotContain("0 learners meet it");
		// the status endpoint answers the page's script as JSON, from the database
		MockHttpServletResponse status = mvc.perform(get(base + "/status").param("since", String.valueOf(System.currentTimeMillis()))
				.cookie(cast.teacher())).andReturn().getResponse();
		assertThat(status.getStatus()).isEqualTo(200);
		assertThat(status.getContentType()).startsWith("application/json");
		Map<String, Object> json = JSONObjectUtils.parse(status.getContentAsString());
		assertThat(json).containsKeys("running", "text", "earned", "inProgress", "notStarted", "learners");
		// "of N learners" comes with the counts, so the page never shows counts beside an older total
		assertThat(json.get("total")).isEqualTo("of " + json.get("learners") + " learners");
		// the read the page started is running, or (this course's platform sent no AGS address, so it fails at once,
		// and on a busy machine before this request) has ended and says so: either way the page did start one
		if (!Boolean.TRUE.equals(json.get("running"))) {
			assertThat(json.get("outcome")).as("the read the page started ended: " + json).isEqualTo("FAILED");
		}
		assertThat(mvc.perform(get(base + "/status").cookie(cast.learner())).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void theStatusSaysWhenTheCourseWasLastReadAndWhyItFailedOnceTheReadEnded() throws Exception {
		long asked = System.currentTimeMillis();
		// this course's platform sent no AGS address: every read of it fails, and says why
		syncs.sync(cast.badge().contextId());
		Map<String, Object> json = JSONObjectUtils.parse(mvc.perform(get(base + "/status").param("since", String.valueOf(asked))
				.cookie(cast.teacher())).andReturn().getResponse().getContentAsString());
		assertThat(json.get("running")).isEqualTo(false);
		assertThat(json.get("outcome")).isEqualTo("FAILED");
		assertThat((String) json.get("text")).startsWith("Reading the course failed").contains("(Europe/Amsterdam)", "AGS");
		String page = page(get(base));
		assertThat(page).contains("Reading the course failed", "data-running=\"false\"", "AGS");
	}

	@Test
	void theLearnerTableIsPagedSearchedAndSortedAndTellsNoGradeFromZero() throws Exception {
		long line = course(120);
		jdbc.sql("insert into course_result (line_item_id, user_sub, score, maximum, result_at, changed_at) values (?,?,?,?,?,?)")
				.params(line, "u007", 0.0, 100.0, 1L, 1L).update();
		jdbc.sql("insert into course_result (line_item_id, user_sub, score, maximum, result_at, changed_at) values (?,?,?,?,?,?)")
				.params(line, "u042", 97.0, 100.0, 1L, 1L).update();
		String first = page(get(base));
		assertThat(first).contains("Learners 1 to 50 of 120", "Page 1 of 3", "id=\"page-next\"", "Score on Final project");
		assertThat(count(first, "class=\"learner-row\"")).isEqualTo(50);
		assertThat(first).contains(">Learner 001<").doesNotContain(">Learner 051<");
		String third = page(get(base).param("page", "3"));
		assertThat(count(third, "class=\"learner-row\"")).isEqualTo(20);
		assertThat(third).contains(">Learner 120<", "Page 3 of 3", "id=\"page-prev\"");
		// search by name in the database
		String found = page(get(base).param("q", "learner 007"));
		assertThat(count(found, "class=\"learner-row\"")).isEqualTo(1);
		assertThat(found).contains("0 of 100 (0%)", ">in progress<").doesNotContain(">no grade yet<");
		String none = page(get(base).param("q", "learner 008"));
		assertThat(none).contains(">no grade yet<", ">not started<");
		// sorted by score, highest first: the 97 first, then the 0, then those without a grade
		String byScore = page(get(base).param("sort", "score-desc"));
		assertThat(byScore.indexOf(">Learner 042<")).isLessThan(byScore.indexOf(">Learner 007<"));
		assertThat(byScore.indexOf(">Learner 007<")).isLessThan(byScore.indexOf(">Learner 001<"));
		// counts and the chart: 2 with a grade, none earned among the roster
		assertThat(first).contains("id=\"count-in-progress\">2<", "id=\"count-not-started\">118<", "<progress id=\"bar-earned\"");
	}

	@Test
	void withFiveThousandLearnersTheDashboardShowsOnePageOfThemUnder200Kilobytes() throws Exception {
		long line = course(0);
		long context = cast.badge().contextId();
		java.util.List<Object[]> members = new java.util.ArrayList<>();
		java.util.List<Object[]> results = new java.util.ArrayList<>();
		for (int i = 1; i <= 5000; i++) {
			members.add(new Object[] { context, String.format("b%04d", i), String.format("Bulk Learner %04d", i), "LEARNER", "Active", true });
			if (i % 2 == 0) {
				results.add(new Object[] { line, String.format("b%04d", i), (double) (i % 101), 100.0, 1L, 1L });
			}
		}
		org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		template.batchUpdate("insert into course_member (context_id, user_sub, name, role, status, in_roster) values (?,?,?,?,?,?)", members);
		template.batchUpdate("insert into course_result (line_item_id, user_sub, score, maximum, result_at, changed_at) values (?,?,?,?,?,?)", results);
		page(get(base));
		long start = System.nanoTime();
		String page = page(get(base).param("sort", "score-desc"));
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.println("Dashboard at 5000 learners: " + millis + " ms, " + page.getBytes(StandardCharsets.UTF_8).length + " bytes");
		assertThat(count(page, "class=\"learner-row\"")).isEqualTo(50);
		assertThat(page).contains("Learners 1 to 50 of 5,000", "id=\"count-in-progress\">2500<");
		assertThat(page.getBytes(StandardCharsets.UTF_8).length).isLessThan(200_000);
	}

	@Test
	void theCsvExportNeutralisesFormulasQuotesCellsAndStartsWithABom() throws Exception {
		long line = course(0);
		member("x1", "=HYPERLINK(\"http://evil\",\"click\")");
		member("x2", "+SUM(1,2)");
		member("x3", "@cmd");
		member("x4", "-2+3");
		member("x5", "\tTabbed");
		member("x6", "Smith, Jane");
		jdbc.sql("insert into course_result (line_item_id, user_sub, score, maximum, result_at, changed_at) values (?,?,?,?,?,?)")
				.params(line, "x6", 80.0, 100.0, 1L, 1L).update();
		MockHttpServletResponse csv = mvc.perform(get(base + "/learners.csv").cookie(cast.teacher())).andReturn().getResponse();
		assertThat(csv.getStatus()).isEqualTo(200);
		assertThat(csv.getContentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
		assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment");
		byte[] bytes = csv.getContentAsByteArray();
		assertThat(new byte[] { bytes[0], bytes[1], bytes[2] }).isEqualTo(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		String body = new String(bytes, StandardCharsets.UTF_8);
		assertThat(body).contains("Name,Learner id,State,Score,Maximum,Percent\r\n");
		assertThat(body).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",x1,not started,no grade yet");
		assertThat(body).contains("\"'+SUM(1,2)\",x2,").contains("'@cmd,x3,").contains("'-2+3,x4,").contains("'\tTabbed,x5,");
		assertThat(body).contains("\"Smith, Jane\",x6,in progress,80,100,80\r\n");
		assertThat(mvc.perform(get(base + "/learners.csv").cookie(cast.learner())).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void theMirrorFormulaIsPrintedAsMoodleNeedsIt() throws Exception {
		assertThat(page(get(base + "/setup/columns"))).contains("<code id=\"mirror-formula\">=[[quiz1]]</code>");
	}

	@Test
	void eachStepSavesWithAConfirmationOrSaysWhatIsWrongAtTheField() throws Exception {
		String page = follow(post(base + "/details").param("step", "badge").param("name", "Data Literacy")
				.param("description", "Cleans and reads data").param("microCredentialShown", "true").param("microCredential", "true"));
		assertThat(page).contains("id=\"notice\"", "The badge is saved.", "aria-current=\"step\"");
		page = follow(post(base + "/details").param("step", "badge").param("name", " "));
		assertThat(page).contains("id=\"name-error\"", "Give the badge a name.", "aria-invalid=\"true\"", "aria-describedby=\"name-error\"");
		// the EU step saves its own fields and keeps the badge's
		page = follow(post(base + "/details").param("step", "eu").param("learningOutcomes", "can clean a data set")
				.param("workloadValue", "five"));
		assertThat(page).contains("id=\"workloadValue-error\"", "&quot;five&quot; is not a number", "aria-describedby=\"workloadValue-error\"");
		follow(post(base + "/details").param("step", "eu").param("learningOutcomes", "can clean a data set").param("workloadValue", "3")
				.param("workloadUnit", "ECTS"));
		var saved = badges.find(cast.badge().id()).orElseThrow();
		assertThat(saved.description()).isEqualTo("Cleans and reads data");
		assertThat(saved.details().microCredential()).isTrue();
		assertThat(saved.details().learningOutcomes()).isEqualTo("can clean a data set");
		// columns: the maximum is labelled and its error is at the field
		page = follow(post(base + "/columns").param("label", "Final").param("maximum", "abc"));
		assertThat(page).contains("<label for=\"column-maximum\"", "id=\"maximum-error\"", "&quot;abc&quot; is not a number",
				"aria-describedby=\"maximum-error\"");
		// criteria: without columns the step says what is missing; the switch is not offered before criteria exist
		page = page(get(base + "/setup/criteria"));
		assertThat(page).contains("id=\"criteria-needs-columns\"", "id=\"missing-criteria\"");
		page = page(get(base + "/setup/review"));
		assertThat(page).contains("id=\"awarding-missing\"", "id=\"awarding-off\"").doesNotContain("id=\"toggle-awarding\"");
		course(0);
		page = follow(post(base + "/criteria").param("column", COLUMN).param("threshold", "PERCENT").param("value", "lots"));
		assertThat(page).contains("id=\"value-error\"", "&quot;lots&quot; is not a number");
		page = follow(post(base + "/criteria").param("column", COLUMN).param("threshold", "PERCENT").param("value", "80"));
		assertThat(page).contains("The criteria are saved.", "id=\"criteria-summary\"");
		// now the switch is there, and what stops it (EU elements missing) is said next to it after a try
		page = follow(post(base + "/awarding").param("on", "true").param("from", "review"));
		assertThat(page).contains("id=\"toggle-awarding\"", "id=\"awarding-error\"", "id=\"awarding-off\"", "id=\"awarding-needs-eu\"");
	}

	@Test
	void revokingAsksFirstAndTheReasonNeverBecomesPublic() throws Exception {
		String award = cast.award().id();
		String confirm = page(get(base + "/revoke").param("award", award));
		assertThat(confirm).contains("<label for=\"revoke-reason\"", "id=\"confirm-revoke\"", "will say &quot;revoked&quot;",
				"The learner is told");
		assertThat(awards.find(award).orElseThrow().revoked()).as("asking revokes nothing").isFalse();
		String again = follow(post(base + "/revoke").param("award", award).param("reason", " "));
		assertThat(again).contains("id=\"reason-error\"", "aria-invalid=\"true\"", "id=\"confirm-revoke\"");
		follow(post(base + "/revoke").param("award", award).param("reason", "Copied the project from Zed"));
		assertThat(awards.find(award).orElseThrow().revoked()).isTrue();
		for (String url : new String[] { "/verify/" + award, "/ob2/assertions/" + award }) {
			MockHttpServletResponse r = mvc.perform(get(url)).andReturn().getResponse();
			assertThat(r.getContentAsString()).as(url).doesNotContain("Copied the project");
		}
	}

	@Test
	void thePagesSpeakDutchWhenAskedTo() throws Exception {
		course(3);
		String page = mvc.perform(get(base).param("lang", "nl").cookie(cast.teacher()).header("Accept-Language", "nl")).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains(">Studenten<", ">nog geen cijfer<", ">niet begonnen<", ">Cursus nu lezen<", "aria-label=\"Stappen van de inrichting\"");
	}

	private long course(int learners) {
		long context = cast.badge().contextId();
		Long existing = jdbc.sql("select id from course_line_item where context_id=? and lineitem_url=?").params(context, COLUMN)
				.query(Long.class).optional().orElse(null);
		long line = existing != null ? existing : insertLine(context);
		for (int i = 1; i <= learners; i++) {
			member(String.format("u%03d", i), String.format("Learner %03d", i));
		}
		badges.setCriteria(cast.badge().id(), new Criteria(new Criterion.ScoreRule("r", new Criterion.Column(COLUMN, null, "badgebridge",
				"Final project"), Criterion.Threshold.PERCENT, 80), null));
		cast = new CourseActors.Cast(cast.platformA(), cast.platformB(), badges.find(cast.badge().id()).orElseThrow(), cast.award(),
				cast.teacher(), cast.learner(), cast.otherLearner(), cast.teacherOtherCourse(), cast.teacherOtherPlatform(),
				cast.deepLinkingTeacher(), cast.backpackAccount());
		return line;
	}

	private long insertLine(long context) {
		jdbc.sql("insert into course_line_item (context_id, url_hash, lineitem_url, label, score_maximum, tag, last_seen_at) values (?,?,?,?,?,?,?)")
				.params(context, String.format("%064d", context), COLUMN, "Final project", 100.0, "badgebridge", 1L).update();
		return jdbc.sql("select id from course_line_item where context_id=? and lineitem_url=?").params(context, COLUMN)
				.query(Long.class).single();
	}

	private void member(String sub, String name) {
		jdbc.sql("insert into course_member (context_id, user_sub, name, role, status, in_roster) values (?,?,?,?,?,?)")
				.params(cast.badge().contextId(), sub, name, "LEARNER", "Active", true).update();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse r = mvc.perform(request.cookie(cast.teacher())).andReturn().getResponse();
		assertThat(r.getStatus()).isEqualTo(200);
		return r.getContentAsString();
	}

	private String follow(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse posted = mvc.perform(request.cookie(cast.teacher()).with(csrf())).andReturn().getResponse();
		assertThat(posted.getStatus()).isEqualTo(302);
		return page(get(posted.getRedirectedUrl()));
	}

	private static int count(String text, String what) {
		return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
	}
}
