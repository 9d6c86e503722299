package org.badgebridge.claim;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.badge.IssuerProfile;
import org.badgebridge.claim.internal.EmailCodeQuota;
import org.badgebridge.claim.internal.MailFacts;
import org.badgebridge.course.CourseData;
import org.badgebridge.course.Courses;
import org.badgebridge.mail.MailTemplates;
import org.badgebridge.mail.OutgoingMail;
import org.badgebridge.mail.Outbox;
import org.badgebridge.web.InvalidInput;

/**
 * For learners whose LMS shares no email (Moodle's default privacy): they give an address in the badge panel
 * and confirm it with a six-digit code mailed there (30 minutes, five tries) before any claim mail goes to it.
 * Every try counts, committed before the code is compared; a learner gets at most
 * {@code badgebridge.claim.email-codes-per-learner-per-day} codes a day and an address at most
 * {@code ...-per-address-per-day}, so that nobody can make the tool mail a stranger without limit.
 */
@Service
public class EmailConfirmations {

	static final Duration VALIDITY = Duration.ofMinutes(30);

	static final int MAX_ATTEMPTS = 5;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final Courses courses;

	private final CourseData courseData;

	private final Awards awards;

	private final ClaimMails claimMails;

	private final EmailCodeQuota quota;

	private final Clock clock;

	private final MailTemplates templates;

	private final MailFacts facts;

	private final TransactionTemplate separately;

	private final TransactionTemplate transaction;

	private final int perLearner;

	private final int perAddress;

	public EmailConfirmations(JdbcClient jdbc, Outbox outbox, Courses courses, CourseData courseData, Awards awards,
			ClaimMails claimMails, EmailCodeQuota quota, Clock clock, PlatformTransactionManager transactions, MailTemplates templates,
			MailFacts facts,
			@Value("${badgebridge.claim.email-codes-per-learner-per-day:3}") int perLearner,
			@Value("${badgebridge.claim.email-codes-per-address-per-day:5}") int perAddress) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.courses = courses;
		this.courseData = courseData;
		this.awards = awards;
		this.claimMails = claimMails;
		this.quota = quota;
		this.clock = clock;
		this.templates = templates;
		this.facts = facts;
		this.transaction = new TransactionTemplate(transactions);
		// a try is counted in its own transaction, committed also when the caller's is rolled back
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.perLearner = perLearner;
		this.perAddress = perAddress;
	}

	/** Sends a code to the address (replacing any earlier code), within the day's allowances. */
	@Transactional
	public void start(long contextId, String userSub, String email) {
		String address = email == null ? "" : email.trim();
		if (address.length() > 320 || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new InvalidInput("email", "That is not an email address.", "learning.error.email");
		}
		if (courseData.member(contextId, userSub).map(m -> m.email() != null).orElse(false)) {
			throw new InvalidInput("email", "BadgeBridge already has your email address from your LMS (or you confirmed one "
					+ "before): your claim mails go there, no code is needed. To use another address, change it in your LMS.",
					"learning.error.emailKnown");
		}
		quota.forgetOld();
		if (!quota.take("learner:" + contextId + ":" + userSub, perLearner)) {
			throw new InvalidInput("email", "You asked for " + perLearner + " codes today: use the last one, or try again tomorrow.",
					"learning.error.codesPerLearner", perLearner);
		}
		if (!quota.take("address:" + address.toLowerCase(Locale.ROOT), perAddress)) {
			throw new InvalidInput("email", "This address was sent as many codes as allowed today: try again tomorrow.",
					"learning.error.codesPerAddress");
		}
		String code = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
		jdbc.sql("delete from email_verification where context_id=? and user_sub=?").params(contextId, userSub).update();
		long expiresAt = clock.millis() + VALIDITY.toMillis();
		jdbc.sql("insert into email_verification (context_id, user_sub, email, code_hash, expires_at, attempts) values (?,?,?,?,?,0)")
				.params(contextId, userSub, address, ClaimLinks.hash(code), expiresAt).update();
		Locale locale = facts.locale(contextId, userSub, null);
		IssuerProfile issuer = facts.issuerOfCourse(contextId);
		Map<String, Object> model = facts.model(issuer, locale);
		model.put("code", code);
		model.put("minutes", VALIDITY.toMinutes());
		model.put("expires", facts.dateTime(Instant.ofEpochMilli(expiresAt), issuer, locale));
		MailTemplates.Rendered mail = templates.render("confirm", locale, model, code);
		outbox.queue("confirm:" + UUID.randomUUID(), address, mail.subject(), mail.text(), mail.html(),
				OutgoingMail.Secret.SUBJECT_AND_BODY);
	}

	public boolean pending(long contextId, String userSub) {
		return jdbc.sql("select count(*) from email_verification where context_id=? and user_sub=? and expires_at > ?")
				.params(contextId, userSub, clock.millis()).query(Integer.class).single() > 0;
	}

	/**
	 * Checks the code; on success the address becomes the learner's and waiting claim mails go out. The try is
	 * counted (and committed) before the code is compared: the sixth try is refused, right or wrong.
	 */
	public void confirm(long contextId, String userSub, String code) {
		var row = jdbc.sql("select email, code_hash, attempts from email_verification where context_id=? and user_sub=?")
				.params(contextId, userSub).query((rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getInt(3)))
				.optional().orElseThrow(() -> new InvalidInput("code", "Ask for a code first.", "learning.error.codeFirst"));
		boolean counted = Boolean.TRUE.equals(separately.execute(status -> jdbc.sql("""
				update email_verification set attempts = attempts + 1
				where context_id=? and user_sub=? and attempts < ? and expires_at > ?""")
				.params(contextId, userSub, MAX_ATTEMPTS, clock.millis()).update() == 1));
		if (!counted) {
			separately.executeWithoutResult(status -> jdbc.sql("delete from email_verification where context_id=? and user_sub=?")
					.params(contextId, userSub).update());
			throw new InvalidInput("code", "The code has expired or was tried too often: ask for a new one.", "learning.error.codeExpired");
		}
		if (code == null || !ClaimLinks.hash(code.trim()).equals(row.codeHash())) {
			int left = MAX_ATTEMPTS - row.attempts() - 1;
			throw left > 0
					? new InvalidInput("code", "That code is not right. Tries left: " + left + ".", "learning.error.codeWrong", left)
					: new InvalidInput("code", "That code is not right. Ask for a new one.", "learning.error.codeWrongLast");
		}
		transaction.executeWithoutResult(status -> {
			// only the request that removes this very code confirms (two at once: one wins)
			if (jdbc.sql("delete from email_verification where context_id=? and user_sub=? and code_hash=?")
					.params(contextId, userSub, row.codeHash()).update() != 1) {
				throw new InvalidInput("code", "The code has expired or was tried too often: ask for a new one.", "learning.error.codeExpired");
			}
			courses.setConfirmedEmail(contextId, userSub, row.email());
			for (Award award : awards.forLearnerInCourse(contextId, userSub)) {
				if (!award.revoked()) {
					claimMails.queue(award.id());
				}
			}
		});
	}

	private record Pending(String email, String codeHash, int attempts) {
	}
}
