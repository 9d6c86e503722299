package org.badgebridge.teaching;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.badgebridge.support.CourseActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The dashboard's learners sorted in the database by name, state and score, each way, with a stable order among
 * equals (by name), the sort kept in the pager and the column headers (which say how the table is sorted with
 * {@code aria-sort}), and an unknown sort read as "by name" instead of an error; in English and in Dutch.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DashboardSortIntegrationTest {

	static final String COLUMN = "https://lms.example.edu/lineitems/sorting";

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

	CourseActors.Cast cast;

	String base;

	/** Seven learners, one or two in each state; names sort as A..G. */
	@BeforeEach
	void course() {
		cast = actors.cast();
		base = "/lti/teach/badges/" + cast.badge().id();
		long context = cast.badge().contextId();
		jdbc.sql("insert into course_line_item (context_id, url_hash, lineitem_url, label, score_maximum, tag, last_seen_at) values (?,?,?,?,?,?,?)")
				.params(context, String.format("%064d", context), COLUMN, "Final project", 100.0, "badgebridge", 1L).update();
		long line = jdbc.sql("select id from course_line_item where context_id=? and lineitem_url=?").params(context, COLUMN)
				.query(Long.class).single();
		badges.setCriteria(cast.badge().id(), new Criteria(new Criterion.ScoreRule("r", new Criterion.Column(COLUMN, null, "badgebridge",
				"Final project"), Criterion.Threshold.PERCENT, 80), null));
		learner(line, "x-g", "Gus Revoked", 88.0);
		learner(line, "x-b", "Bo Earned", 70.0);
		learner(line, "x-e", "Ed Notstarted", null);
		learner(line, "x-a", "Ada Earned", 90.0);
		learner(line, "x-f", "Fay Suspended", 95.0);
		learner(line, "x-c", "Cy Claimed", 85.0);
		learner(line, "x-d", "Di Progress", 50.0);
		String badge = cast.badge().id();
		awards.awardByHand(badge, "x-a", "teacher:t1", "by hand");
		awards.awardByHand(badge, "x-b", "teacher:t1", "by hand");
		awards.markClaimed(awards.awardByHand(badge, "x-c", "teacher:t1", "by hand").orElseThrow().id());
		awards.suspend(awards.awardByHand(badge, "x-f", "teacher:t1", "by hand").orElseThrow().id(), "teacher:t1", "appeal");
		awards.revoke(awards.awardByHand(badge, "x-g", "teacher:t1", "by hand").orElseThrow().id(), "teacher:t1", "fraud");
	}

	@Test
	void eachSortOrdersTheLearnersInTheDatabaseAndTiesGoByName() throws Exception {
		assertThat(names(page("name"))).containsExactly("Ada", "Bo", "Cy", "Di", "Ed", "Fay", "Gus");
		assertThat(names(page("name-desc"))).containsExactly("Gus", "Fay", "Ed", "Di", "Cy", "Bo", "Ada");
		// earned, claimed, in progress, not started, suspended, revoked; the two earned by name either way
		assertThat(names(page("state"))).containsExactly("Ada", "Bo", "Cy", "Di", "Ed", "Fay", "Gus");
		assertThat(names(page("state-desc"))).containsExactly("Gus", "Fay", "Ed", "Di", "Cy", "Ada", "Bo");
		// no grade yet comes last both ways
		assertThat(names(page("score"))).containsExactly("Di", "Bo", "Cy", "Gus", "Ada", "Fay", "Ed");
		assertThat(names(page("score-desc"))).containsExactly("Fay", "Ada", "Gus", "Cy", "Bo", "Di", "Ed");
	}

	@Test
	void theCsvExportFollowsTheStateSortToo() throws Exception {
		String csv = body(get(base + "/learners.csv").param("sort", "state-desc"));
		List<String> order = List.of("Gus", "Fay", "Ed", "Di", "Cy", "Ada", "Bo");
		for (int i = 1; i < order.size(); i++) {
			assertThat(csv.indexOf(order.get(i - 1) + " ")).as(order.get(i - 1) + " before " + order.get(i))
					.isLessThan(csv.indexOf(order.get(i) + " ")).isNotNegative();
		}
	}

	@Test
	void anUnknownSortIsReadAsByNameWithoutAnError() throws Exception {
		String page = page("'; drop table award; --");
		assertThat(names(page)).containsExactly("Ada", "Bo", "Cy", "Di", "Ed", "Fay", "Gus");
		assertThat(header(page, "name")).contains("aria-sort=\"ascending\"");
		assertThat(jdbc.sql("select count(*) from award").query(Integer.class).single()).isPositive();
	}

	@Test
	void theHeadersSayHowTheTableIsSortedAndKeepTheSearchInTheirLinks() throws Exception {
		String page = body(get(base).param("sort", "state-desc").param("q", "earned"));
		assertThat(names(page)).containsExactly("Ada", "Bo");
		assertThat(header(page, "state")).contains("aria-sort=\"descending\"", "sort=state\"", "q=earned", ">State<");
		assertThat(header(page, "name")).doesNotContain("aria-sort").contains("sort=name\"", "q=earned", ">Learner<");
		assertThat(header(page, "score")).doesNotContain("aria-sort").contains("sort=score-desc", "q=earned");
		String asc = body(get(base).param("sort", "state"));
		assertThat(header(asc, "state")).contains("aria-sort=\"ascending\"", "sort=state-desc");
		String desc = body(get(base).param("sort", "score-desc"));
		assertThat(header(desc, "score")).contains("aria-sort=\"descending\"", "sort=score\"");
		assertThat(header(desc, "state")).contains("sort=state\"");
	}

	@Test
	void inDutchTheHeadersAndTheStatesReadDutchAndSortTheSame() throws Exception {
		String page = body(get(base).param("sort", "state-desc").param("lang", "nl").header("Accept-Language", "nl"));
		assertThat(names(page)).containsExactly("Gus", "Fay", "Ed", "Di", "Cy", "Ada", "Bo");
		assertThat(header(page, "state")).contains("aria-sort=\"descending\"", ">Status<");
		assertThat(header(page, "name")).contains(">Student<");
		assertThat(page).contains(">ingetrokken<", ">opgeschort<", ">niet begonnen<", ">bezig<", ">opgehaald<", ">behaald<",
				"<option value=\"state\"", "status, behaald eerst");
	}

	private void learner(long line, String sub, String name, Double score) {
		jdbc.sql("insert into course_member (context_id, user_sub, name, role, status, in_roster) values (?,?,?,?,?,?)")
				.params(cast.badge().contextId(), sub, name, "LEARNER", "Active", true).update();
		if (score != null) {
			jdbc.sql("insert into course_result (line_item_id, user_sub, score, maximum, result_at, changed_at) values (?,?,?,?,?,?)")
					.params(line, sub, score, 100.0, 1L, 1L).update();
		}
	}

	private String page(String sort) throws Exception {
		return body(get(base).param("sort", sort));
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse r = mvc.perform(request.cookie(cast.teacher())).andReturn().getResponse();
		assertThat(r.getStatus()).isEqualTo(200);
		return r.getContentAsString();
	}

	/** The first names of the table's rows, in order. */
	private static List<String> names(String page) {
		Matcher m = Pattern.compile("class=\"learner-name\">(\\w+) ").matcher(page);
		List<String> names = new java.util.ArrayList<>();
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	/** The column header of one sortable column, as HTML. */
	private static String header(String page, String column) {
		Matcher m = Pattern.compile("<th [^>]*id=\"col-" + column + "\".*?</th>", Pattern.DOTALL).matcher(page);
		assertThat(m.find()).as("header " + column).isTrue();
		return m.group();
	}
}
