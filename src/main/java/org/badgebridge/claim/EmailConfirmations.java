package org.badgebridge.claim;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;
import org.badgebridge.course.Courses;
import org.badgebridge.mail.Outbox;

/**
 * For learners whose LMS shares no email (Moodle's default privacy): they give an address in the badge panel
 * and confirm it with a six-digit code mailed there (30 minutes, five tries) before any claim mail goes to it.
 */
@Service
public class EmailConfirmations {

	static final Duration VALIDITY = Duration.ofMinutes(30);

	static final int MAX_ATTEMPTS = 5;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final Courses courses;

	private final Awards awards;

	private final ClaimMails claimMails;

	private final Clock clock;

	public EmailConfirmations(JdbcClient jdbc, Outbox outbox, Courses courses, Awards awards, ClaimMails claimMails, Clock clock) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.courses = courses;
		this.awards = awards;
		this.claimMails = claimMails;
		this.clock = clock;
	}

	/** Sends a code to the address (replacing any earlier code). */
	@Transactional
	public void start(long contextId, String userSub, String email) {
		String address = email == null ? "" : email.trim();
		if (address.length() > 320 || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new IllegalArgumentException("That is not an email address.");
		}
		String code = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
		jdbc.sql("delete from email_verification where context_id=? and user_sub=?").params(contextId, userSub).update();
		jdbc.sql("insert into email_verification (context_id, user_sub, email, code_hash, expires_at, attempts) values (?,?,?,?,?,0)")
				.params(contextId, userSub, address, ClaimLinks.hash(code), clock.millis() + VALIDITY.toMillis()).update();
		outbox.queue("confirm:" + UUID.randomUUID(), address, "Your BadgeBridge confirmation code: " + code,
				"Your confirmation code is " + code + ". It works for 30 minutes.\n\nIf you did not ask for it, ignore this mail.",
				"<p>Your confirmation code is <strong>" + code + "</strong>. It works for 30 minutes.</p>"
						+ "<p>If you did not ask for it, ignore this mail.</p>");
	}

	public boolean pending(long contextId, String userSub) {
		return jdbc.sql("select count(*) from email_verification where context_id=? and user_sub=? and expires_at > ?")
				.params(contextId, userSub, clock.millis()).query(Integer.class).single() > 0;
	}

	/** Checks the code; on success the address becomes the learner's and waiting claim mails go out. */
	@Transactional
	public void confirm(long contextId, String userSub, String code) {
		var row = jdbc.sql("select email, code_hash, expires_at, attempts from email_verification where context_id=? and user_sub=?")
				.params(contextId, userSub).query((rs, i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4) })
				.optional().orElseThrow(() -> new IllegalArgumentException("Ask for a code first."));
		if ((long) row[2] < clock.millis() || (int) row[3] >= MAX_ATTEMPTS) {
			jdbc.sql("delete from email_verification where context_id=? and user_sub=?").params(contextId, userSub).update();
			throw new IllegalArgumentException("The code has expired or was tried too often: ask for a new one.");
		}
		if (code == null || !ClaimLinks.hash(code.trim()).equals(row[1])) {
			jdbc.sql("update email_verification set attempts = attempts + 1 where context_id=? and user_sub=?")
					.params(contextId, userSub).update();
			throw new IllegalArgumentException("That code is not right.");
		}
		jdbc.sql("delete from email_verification where context_id=? and user_sub=?").params(contextId, userSub).update();
		courses.setConfirmedEmail(contextId, userSub, (String) row[0]);
		for (Award award : awards.forLearnerInCourse(contextId, userSub)) {
			if (!award.revoked()) {
				claimMails.queue(award.id());
			}
		}
	}
}
