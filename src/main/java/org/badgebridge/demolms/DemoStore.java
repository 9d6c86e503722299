package org.badgebridge.demolms;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The demo LMS's own tables: users, the course, registered tools, links, grade columns and grades. */
@ConditionalOnDemo
@Component
class DemoStore {

	static final long COURSE = 1;

	public record User(long id, String name, String email, String role) {
		public boolean teacher() {
			return "TEACHER".equals(role);
		}

		public String givenName() {
			return name.contains(" ") ? name.substring(0, name.indexOf(' ')) : name;
		}

		public String familyName() {
			return name.contains(" ") ? name.substring(name.indexOf(' ') + 1) : "";
		}
	}

	public record Tool(String clientId, String deploymentId, String name, String initiateLoginUri, List<String> redirectUris,
			String jwksUri, String targetLinkUri, String deepLinkingUri, List<String> scopes) {
	}

	public record Link(long id, long courseId, String clientId, String title, String url, String custom) {
	}

	public record LineItem(long id, long courseId, String clientId, Long linkId, String label, double scoreMaximum,
			String resourceId, String tag) {
	}

	public record Grade(long lineItemId, long userId, Double score, Double maximum, String comment, long modifiedAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void seed() {
		if (jdbc.sql("select count(*) from demo_course").query(Integer.class).single() > 0) {
			return;
		}
		jdbc.sql("insert into demo_course (id, label, title) values (?,?,?)").params(COURSE, "DL101", "Data Literacy 101").update();
		Object[][] users = { { 101, "Terry Teacher", "teacher@demo.badgebridge.test", "TEACHER" },
				{ 201, "Ana Li", "ana@demo.badgebridge.test", "LEARNER" },
				{ 202, "Ben Okafor", "ben@demo.badgebridge.test", "LEARNER" },
				{ 203, "Chloé Martin", "chloe@demo.badgebridge.test", "LEARNER" } };
		for (Object[] u : users) {
			jdbc.sql("insert into demo_user (id, name, email, role) values (?,?,?,?)").params(u).update();
		}
		// the LMS's own column: graded in the gradebook, invisible to tools through AGS (as in Moodle)
		jdbc.sql("insert into demo_lineitem (course_id, client_id, link_id, label, score_maximum, created_at) values (?,?,?,?,?,?)")
				.params(COURSE, null, null, "Attendance", 100.0, clock.millis()).update();
	}

	List<User> users() {
		return jdbc.sql("select * from demo_user order by id").query((rs, i) -> new User(rs.getLong("id"),
				rs.getString("name"), rs.getString("email"), rs.getString("role"))).list();
	}

	Optional<User> user(String id) {
		try {
			long uid = Long.parseLong(id);
			return users().stream().filter(u -> u.id() == uid).findFirst();
		}
		catch (NumberFormatException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	Optional<Tool> tool() {
		return jdbc.sql("select * from demo_tool order by created_at desc").query(this::toolRow).list().stream().findFirst();
	}

	Optional<Tool> tool(String clientId) {
		return jdbc.sql("select * from demo_tool where client_id=?").param(clientId).query(this::toolRow).optional();
	}

	private Tool toolRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Tool(rs.getString("client_id"), rs.getString("deployment_id"), rs.getString("name"),
				rs.getString("initiate_login_uri"), List.of(rs.getString("redirect_uris").split("\n")), rs.getString("jwks_uri"),
				rs.getString("target_link_uri"), rs.getString("deep_linking_uri"), List.of(rs.getString("scopes").split(" ")));
	}

	void saveTool(Tool t, boolean update) {
		if (update) {
			jdbc.sql("update demo_tool set name=?, initiate_login_uri=?, redirect_uris=?, jwks_uri=?, target_link_uri=?, deep_linking_uri=?, scopes=? where client_id=?")
					.params(t.name(), t.initiateLoginUri(), String.join("\n", t.redirectUris()), t.jwksUri(), t.targetLinkUri(),
							t.deepLinkingUri(), String.join(" ", t.scopes()), t.clientId()).update();
			return;
		}
		jdbc.sql("insert into demo_tool (client_id, deployment_id, name, initiate_login_uri, redirect_uris, jwks_uri, target_link_uri, deep_linking_uri, scopes, created_at) values (?,?,?,?,?,?,?,?,?,?)")
				.params(t.clientId(), t.deploymentId(), t.name(), t.initiateLoginUri(), String.join("\n", t.redirectUris()),
						t.jwksUri(), t.targetLinkUri(), t.deepLinkingUri(), String.join(" ", t.scopes()), clock.millis()).update();
	}

	List<Link> links() {
		return jdbc.sql("select * from demo_link order by id").query(this::linkRow).list();
	}

	Optional<Link> link(long id) {
		return jdbc.sql("select * from demo_link where id=?").param(id).query(this::linkRow).optional();
	}

	private Link linkRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Link(rs.getLong("id"), rs.getLong("course_id"), rs.getString("client_id"), rs.getString("title"),
				rs.getString("url"), rs.getString("custom"));
	}

	long addLink(String clientId, String title, String url, String customJson) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into demo_link (course_id, client_id, title, url, custom, created_at) values (?,?,?,?,?,?)")
				.params(COURSE, clientId, title, url, customJson, clock.millis()).update(keys, "id");
		return keys.getKey().longValue();
	}

	List<LineItem> lineItems() {
		return jdbc.sql("select * from demo_lineitem where course_id=? order by id").param(COURSE).query(this::lineItemRow).list();
	}

	List<LineItem> lineItemsOf(String clientId) {
		return lineItems().stream().filter(li -> clientId.equals(li.clientId())).toList();
	}

	Optional<LineItem> lineItem(long id) {
		return jdbc.sql("select * from demo_lineitem where id=?").param(id).query(this::lineItemRow).optional();
	}

	private LineItem lineItemRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new LineItem(rs.getLong("id"), rs.getLong("course_id"), rs.getString("client_id"),
				rs.getObject("link_id") == null ? null : rs.getLong("link_id"), rs.getString("label"),
				rs.getDouble("score_maximum"), rs.getString("resource_id"), rs.getString("tag"));
	}

	long addLineItem(String clientId, Long linkId, String label, double max, String resourceId, String tag) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into demo_lineitem (course_id, client_id, link_id, label, score_maximum, resource_id, tag, created_at) values (?,?,?,?,?,?,?,?)")
				.params(COURSE, clientId, linkId, label, max, resourceId, tag, clock.millis()).update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateLineItem(long id, String label, double max, String resourceId, String tag) {
		jdbc.sql("update demo_lineitem set label=?, score_maximum=?, resource_id=?, tag=? where id=?")
				.params(label, max, resourceId, tag, id).update();
	}

	void deleteLineItem(long id) {
		jdbc.sql("delete from demo_grade where lineitem_id=?").param(id).update();
		jdbc.sql("delete from demo_lineitem where id=?").param(id).update();
	}

	List<Grade> grades(long lineItemId) {
		return jdbc.sql("select * from demo_grade where lineitem_id=? order by user_id").param(lineItemId).query(this::gradeRow).list();
	}

	Optional<Grade> grade(long lineItemId, long userId) {
		return jdbc.sql("select * from demo_grade where lineitem_id=? and user_id=?").params(lineItemId, userId)
				.query(this::gradeRow).optional();
	}

	private Grade gradeRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Grade(rs.getLong("lineitem_id"), rs.getLong("user_id"),
				rs.getObject("score") == null ? null : rs.getDouble("score"),
				rs.getObject("maximum") == null ? null : rs.getDouble("maximum"), rs.getString("comment"),
				rs.getLong("modified_at"));
	}

	void setGrade(long lineItemId, long userId, Double score, Double maximum, String comment, long modifiedAt) {
		int n = jdbc.sql("update demo_grade set score=?, maximum=?, comment=?, modified_at=? where lineitem_id=? and user_id=?")
				.params(score, maximum, comment, modifiedAt, lineItemId, userId).update();
		if (n == 0) {
			jdbc.sql("insert into demo_grade (lineitem_id, user_id, score, maximum, comment, modified_at) values (?,?,?,?,?,?)")
					.params(lineItemId, userId, score, maximum, comment, modifiedAt).update();
		}
	}

	void clearGrade(long lineItemId, long userId) {
		jdbc.sql("delete from demo_grade where lineitem_id=? and user_id=?").params(lineItemId, userId).update();
	}

	/** Single use of a JWT id (client assertions, registration tokens) until it expires. */
	boolean useJti(String jti, long expiresAt) {
		jdbc.sql("delete from demo_used_jti where expires_at < ?").param(clock.millis()).update();
		try {
			jdbc.sql("insert into demo_used_jti (jti, expires_at) values (?,?)").params(jti, expiresAt).update();
			return true;
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			return false;
		}
	}
}
