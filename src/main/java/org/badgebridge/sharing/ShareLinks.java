package org.badgebridge.sharing;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share links: at most one live link per award (a unique key), made on first need and kept until regenerated; a
 * replaced link is kept so that it answers "no longer shared" rather than "unknown". The token is not a secret that
 * grants anything but a view of what the holder made public, so it is stored as it is (the holder sees it again).
 */
@Service
public class ShareLinks {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** What a token opens. */
	public sealed interface Resolution {
	}

	/** A live link of this award. */
	public record Live(String awardId, String token) implements Resolution {
	}

	/** A link that was replaced by a new one (or ended with the holder's data): it shows a neutral page. */
	public record Replaced(String awardId) implements Resolution {
	}

	/** No such link was ever made. */
	public record Unknown() implements Resolution {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	ShareLinks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The award's live link, if it has one. */
	public Optional<String> current(String awardId) {
		return jdbc.sql("select token from share_link where live_award_id=?").param(awardId).query(String.class).optional();
	}

	/** The award's live link, made now if it has none (a concurrent call keeps the one stored first). */
	public String ensure(String awardId) {
		Optional<String> found = current(awardId);
		if (found.isPresent()) {
			return found.get();
		}
		try {
			insert(awardId);
		}
		catch (DuplicateKeyException ex) {
			// made by a concurrent request: keep theirs
		}
		return current(awardId).orElseThrow();
	}

	/** Replaces the award's live link (if any) with a new one; the old one answers "no longer shared" from now on. */
	@Transactional
	public String regenerate(String awardId) {
		end(awardId);
		insert(awardId);
		return current(awardId).orElseThrow();
	}

	/** Ends the award's live link without a new one (the holder deleted their data). */
	@Transactional
	public void end(String awardId) {
		jdbc.sql("update share_link set live_award_id=null, replaced_at=? where live_award_id=?").params(clock.millis(), awardId).update();
	}

	public Resolution resolve(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{16,64}")) {
			return new Unknown();
		}
		return jdbc.sql("select award_id, live_award_id from share_link where token=?").param(token)
				.query((rs, i) -> rs.getString("live_award_id") == null ? (Resolution) new Replaced(rs.getString("award_id"))
						: new Live(rs.getString("award_id"), token))
				.optional().orElseGet(Unknown::new);
	}

	private void insert(String awardId) {
		jdbc.sql("insert into share_link (token, award_id, live_award_id, created_at) values (?,?,?,?)")
				.params(newToken(), awardId, awardId, clock.millis()).update();
	}

	static String newToken() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
