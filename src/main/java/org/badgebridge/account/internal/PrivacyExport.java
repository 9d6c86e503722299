package org.badgebridge.account.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.badgebridge.award.Award;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.Badges;
import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.badge.Issuers;
import org.badgebridge.course.CourseContext;
import org.badgebridge.course.Courses;

/**
 * "Download all my data": the account, its addresses, its linked LMS identities and OpenID Connect sign-ins (with
 * what the provider released), its awards (badge, course, issuer, state, dates, what the award keeps about the holder) and its preferences. Only the holder's own data and nothing
 * secret: no hash of a link or session, no other person's award.
 */
@Component
class PrivacyExport {

	private final JdbcClient jdbc;

	private final AccountBook book;

	private final PrivacyAwards holderAwards;

	private final Badges badges;

	private final Issuers issuers;

	private final Courses courses;

	private final ReminderSettings reminders;

	private final HeldAwards held;

	PrivacyExport(JdbcClient jdbc, AccountBook book, PrivacyAwards holderAwards, Badges badges, Issuers issuers, Courses courses,
			ReminderSettings reminders, HeldAwards held) {
		this.held = held;
		this.jdbc = jdbc;
		this.book = book;
		this.holderAwards = holderAwards;
		this.badges = badges;
		this.issuers = issuers;
		this.courses = courses;
		this.reminders = reminders;
	}

	@org.springframework.transaction.annotation.Transactional
	Map<String, Object> export(String accountId, Instant now) {
		book.told(accountId, "DATA_EXPORTED", null);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("exportedAt", now.toString());
		Map<String, Object> account = new LinkedHashMap<>();
		account.put("id", accountId);
		account.put("createdAt", jdbc.sql("select created_at from account where id=?").param(accountId).query(Long.class).optional()
				.map(ms -> Instant.ofEpochMilli(ms).toString()).orElse(null));
		out.put("account", account);
		out.put("addresses", jdbc.sql("select address, verified_at from account_address where account_id=? order by verified_at, address")
				.param(accountId).query((rs, i) -> Map.of("address", rs.getString(1), "verifiedAt", Instant.ofEpochMilli(rs.getLong(2)).toString()))
				.list());
		out.put("lmsIdentities", jdbc.sql("select registration_id, subject, linked_at from account_lms_identity where account_id=? order by linked_at")
				.param(accountId).query((rs, i) -> Map.of("platform", rs.getLong(1), "subject", rs.getString(2), "linkedAt",
						Instant.ofEpochMilli(rs.getLong(3)).toString()))
				.list());
		out.put("signInProviders", jdbc.sql("""
				select provider, issuer, subject, email, email_verified, institution, given_name, family_name, linked_at, seen_at
				from account_oidc_identity where account_id=? order by linked_at""").param(accountId).query((rs, i) -> {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("provider", rs.getString(1));
			p.put("issuer", rs.getString(2));
			p.put("subject", rs.getString(3));
			p.put("email", rs.getString(4));
			p.put("emailVerified", rs.getBoolean(5));
			p.put("institution", rs.getString(6));
			p.put("givenName", rs.getString(7));
			p.put("familyName", rs.getString(8));
			p.put("linkedAt", Instant.ofEpochMilli(rs.getLong(9)).toString());
			p.put("lastSeenAt", Instant.ofEpochMilli(rs.getLong(10)).toString());
			return p;
		}).list());
		out.put("awards", holderAwards.of(accountId).stream().map(this::award).toList());
		out.put("preferences", Map.of("claimReminders", reminders.off(accountId) ? "off" : "on"));
		return out;
	}

	private Map<String, Object> award(Award a) {
		Map<String, Object> m = new LinkedHashMap<>();
		Optional<BadgeClass> badge = badges.find(a.badgeId());
		m.put("id", a.id());
		m.put("badge", badge.map(BadgeClass::name).orElse(null));
		m.put("badgeDescription", badge.map(BadgeClass::description).orElse(null));
		m.put("course", courses.context(a.contextId()).map(CourseContext::displayTitle).orElse(null));
		m.put("issuer", badge.map(b -> Optional.ofNullable(b.issuerId()).flatMap(issuers::find).orElseGet(issuers::defaultIssuer))
				.map(IssuerProfile::name).orElse(null));
		m.put("state", badge.map(b -> held.state(a, b).name()).orElse(null));
		m.put("recipientName", a.recipientName());
		m.put("recipientEmail", a.recipientEmail());
		m.put("awardedAt", iso(a.awardedAt()));
		m.put("claimedAt", iso(a.claimedAt()));
		m.put("suspendedAt", iso(a.suspendedAt()));
		m.put("revokedAt", iso(a.revokedAt()));
		m.put("revokeReason", a.revokeReason());
		m.put("public", a.publicVisible());
		m.put("evidence", a.evidence());
		return m;
	}

	private static String iso(Instant t) {
		return t == null ? null : t.toString();
	}
}
