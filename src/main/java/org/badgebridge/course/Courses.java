package org.badgebridge.course;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Course contexts, members and resource links, kept up to date by every launch. */
@Service
public class Courses {

	/** Launches without a context claim (allowed by the spec) are grouped under this id. */
	public static final String NO_CONTEXT = "(no context)";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.badgebridge.course.internal.SyncScheduler syncs;

	private final org.badgebridge.course.internal.SyncSettings syncSettings;

	public Courses(JdbcClient jdbc, Clock clock, org.badgebridge.course.internal.SyncScheduler syncs,
			org.badgebridge.course.internal.SyncSettings syncSettings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.syncs = syncs;
		this.syncSettings = syncSettings;
	}

	@Transactional
	public LaunchRecord recordLaunch(LaunchFacts f) {
		long now = clock.millis();
		String lmsContextId = f.lmsContextId() == null ? NO_CONTEXT : f.lmsContextId();
		String scopes = f.agsScopes() == null ? null : String.join(" ", f.agsScopes());
		long contextId = upsert(
				() -> jdbc.sql("select id from course_context where registration_id=? and lms_context_id=?")
						.params(f.registrationId(), lmsContextId).query(Long.class).optional(),
				() -> jdbc.sql("""
						insert into course_context (registration_id, deployment_id, lms_context_id, label, title, lineitems_url,
						  ags_scopes, memberships_url, last_launch_at, created_at) values (?,?,?,?,?,?,?,?,?,?)""")
						.params(f.registrationId(), f.deploymentId(), lmsContextId, cut(f.contextLabel()), cut(f.contextTitle()),
								f.lineItemsUrl(), scopes, f.membershipsUrl(), now, now).update());
		if (f.role() == CourseRole.TEACHER && f.locale() != null) {
			jdbc.sql("update course_context set default_locale=? where id=?").params(f.locale(), contextId).update();
		}
		// keep endpoints the platform stops sending (Moodle omits NRPS until the tool is used in the course)
		jdbc.sql("""
				update course_context set deployment_id=?, label=coalesce(?, label), title=coalesce(?, title),
				  lineitems_url=coalesce(?, lineitems_url), ags_scopes=coalesce(?, ags_scopes),
				  memberships_url=coalesce(?, memberships_url), last_launch_at=? where id=?""")
				.params(f.deploymentId(), cut(f.contextLabel()), cut(f.contextTitle()), f.lineItemsUrl(), scopes,
						f.membershipsUrl(), now, contextId).update();

		String roles = cut2048(String.join(" ", f.roles()));
		long memberId = upsert(
				() -> jdbc.sql("select id from course_member where context_id=? and user_sub=?")
						.params(contextId, f.userSub()).query(Long.class).optional(),
				() -> jdbc.sql("insert into course_member (context_id, user_sub, name, email, roles, role, locale, last_launch_at) values (?,?,?,?,?,?,?,?)")
						.params(contextId, f.userSub(), cut(f.name()), f.email(), roles, f.role().name(), f.locale(), now)
						.update());
		jdbc.sql("update course_member set name=coalesce(?, name), email=coalesce(?, email), roles=?, role=?, locale=coalesce(chosen_locale, ?, locale), last_launch_at=? where id=?")
				.params(cut(f.name()), f.email(), roles, f.role().name(), f.locale(), now, memberId).update();

		Long linkId = null;
		if (f.resourceLinkId() != null) {
			linkId = upsert(
					() -> jdbc.sql("select id from course_resource_link where context_id=? and lms_link_id=?")
							.params(contextId, f.resourceLinkId()).query(Long.class).optional(),
					() -> jdbc.sql("insert into course_resource_link (context_id, lms_link_id, title, lineitem_url, badge_id, last_launch_at) values (?,?,?,?,?,?)")
							.params(contextId, f.resourceLinkId(), cut(f.resourceLinkTitle()), f.lineItemUrl(), f.badgeId(), now)
							.update());
			jdbc.sql("update course_resource_link set title=coalesce(?, title), lineitem_url=coalesce(?, lineitem_url), badge_id=coalesce(?, badge_id), last_launch_at=? where id=?")
					.params(cut(f.resourceLinkTitle()), f.lineItemUrl(), f.badgeId(), now, linkId).update();
		}
		wakeSync(contextId);
		String chosen = jdbc.sql("select chosen_locale from course_member where id=?").param(memberId).query(String.class)
				.optional().orElse(null);
		return new LaunchRecord(contextId, memberId, linkId, chosen);
	}

	/** A launch is activity: a polled course that waits longer than its active interval syncs soon. */
	private void wakeSync(long contextId) {
		try {
			syncs.wake(contextId, syncSettings.rule(contextId));
		}
		catch (RuntimeException ex) {
			org.slf4j.LoggerFactory.getLogger(Courses.class).warn("Course {}: could not bring its sync forward", contextId, ex);
		}
	}

	/**
	 * A person's own language choice (the language switch): kept on their records in every course of the same platform,
	 * so that it comes before the launch's language on later launches and mails sent to them later use it.
	 */
	public void chooseLocale(long memberId, String locale) {
		jdbc.sql("""
				update course_member set chosen_locale=?, locale=? where user_sub=(select user_sub from course_member where id=?)
				  and context_id in (select c.id from course_context c where c.registration_id=(select x.registration_id from
				  course_context x join course_member m on m.context_id=x.id where m.id=?))""")
				.params(locale, locale, memberId, memberId).update();
	}

	/** The course's default language (from teachers' launches), for learners who never launched. */
	public Optional<String> defaultLocale(long contextId) {
		return jdbc.sql("select default_locale from course_context where id=?").param(contextId).query(String.class).optional()
				.filter(java.util.Objects::nonNull);
	}

	/** An email the learner confirmed themselves (the LMS shared none); the LMS's own, once shared, wins later. */
	public void setConfirmedEmail(long contextId, String userSub, String email) {
		jdbc.sql("update course_member set email=? where context_id=? and user_sub=?").params(email, contextId, userSub).update();
	}

	public Optional<CourseContext> context(long id) {
		return jdbc.sql("select * from course_context where id=?").param(id)
				.query((rs, i) -> new CourseContext(rs.getLong("id"), rs.getLong("registration_id"), rs.getString("deployment_id"),
						rs.getString("lms_context_id"), rs.getString("label"), rs.getString("title"), rs.getString("lineitems_url"),
						rs.getString("ags_scopes") == null ? List.of() : Arrays.asList(rs.getString("ags_scopes").split(" ")),
						rs.getString("memberships_url")))
				.optional();
	}

	/** Select, else insert, else (another node inserted meanwhile) select again. */
	private static long upsert(java.util.function.Supplier<Optional<Long>> find, Runnable insert) {
		Optional<Long> id = find.get();
		if (id.isPresent()) {
			return id.get();
		}
		try {
			insert.run();
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// concurrent first launch: the other insert won
		}
		return find.get().orElseThrow();
	}

	private static String cut(String s) {
		return s == null ? null : s.length() > 255 ? s.substring(0, 255) : s;
	}

	private static String cut2048(String s) {
		return s.length() > 2048 ? s.substring(0, 2048) : s;
	}
}
