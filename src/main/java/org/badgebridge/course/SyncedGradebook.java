package org.badgebridge.course;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.badgebridge.lms.LineItem;
import org.badgebridge.lms.Result;

/**
 * The gradebook part of a course sync: stores the line items (columns) the platform's AGS lists, keyed by the
 * hash of their URL, and each column's results, writing only what changed and removing results that vanished
 * (a grade removed in the LMS). It also stores the one learner's result a learner's panel refreshed. Every
 * write tolerates a concurrent writer (another node, a learner's panel) that stored the same row a moment ago.
 */
@Component
class SyncedGradebook {

	private final JdbcClient jdbc;

	SyncedGradebook(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a line item as the platform listed it; returns the id of its column. */
	long storeLineItem(long contextId, LineItem item, long now) {
		String hash = urlHash(item.id());
		int updated = jdbc.sql("update course_line_item set label=?, score_maximum=?, resource_id=?, tag=?, lms_link_id=?, last_seen_at=? where context_id=? and url_hash=?")
				.params(StoredText.cut(item.label()), item.scoreMaximum(), item.resourceId(), item.tag(), item.resourceLinkId(), now,
						contextId, hash)
				.update();
		if (updated == 0) {
			try {
				jdbc.sql("insert into course_line_item (context_id, url_hash, lineitem_url, label, score_maximum, resource_id, tag, lms_link_id, last_seen_at) values (?,?,?,?,?,?,?,?,?)")
						.params(contextId, hash, item.id(), StoredText.cut(item.label()), item.scoreMaximum(), item.resourceId(),
								item.tag(), item.resourceLinkId(), now)
						.update();
			}
			catch (DuplicateKeyException ex) {
				// another node inserted it a moment ago
			}
		}
		return jdbc.sql("select id from course_line_item where context_id=? and url_hash=?").params(contextId, hash)
				.query(Long.class).single();
	}

	/** Stores a column's results; returns how many changed. A result that vanished (grade removed) is removed. */
	int storeResults(long lineItemId, List<Result> results, long now) {
		Map<String, Object[]> existing = new HashMap<>();
		jdbc.sql("select user_sub, score, maximum, result_at from course_result where line_item_id=?").param(lineItemId)
				.query(rs -> {
					existing.put(rs.getString(1), new Object[] { rs.getObject(2, Double.class), rs.getObject(3, Double.class),
							rs.getObject(4, Long.class) });
				});
		int changed = 0;
		Set<String> present = new HashSet<>();
		for (Result r : results) {
			present.add(r.userId());
			Long at = millis(r);
			Object[] old = existing.get(r.userId());
			if (old == null) {
				try {
					insertResult(lineItemId, r.userId(), r, at, now);
				}
				catch (DuplicateKeyException ex) {
					// stored a moment ago by a concurrent sync (a learner's panel, another node): take ours
					updateResult(lineItemId, r.userId(), r, at, now);
				}
				changed++;
			}
			else if (!Objects.equals(old[0], r.score()) || !Objects.equals(old[1], r.maximum()) || !Objects.equals(old[2], at)) {
				updateResult(lineItemId, r.userId(), r, at, now);
				changed++;
			}
		}
		for (String gone : existing.keySet()) {
			if (!present.contains(gone)) {
				deleteResult(lineItemId, gone);
				changed++;
			}
		}
		return changed;
	}

	/** Stores one learner's result in a column as just read; {@code null} (no result) removes the stored one. */
	void storeLearnerResult(long lineItemId, String userSub, Result r, long now) {
		if (r == null) {
			deleteResult(lineItemId, userSub);
			return;
		}
		Long at = millis(r);
		if (updateResult(lineItemId, userSub, r, at, now) == 0) {
			try {
				insertResult(lineItemId, userSub, r, at, now);
			}
			catch (DuplicateKeyException ex) {
				// written a moment ago by the course sync
			}
		}
	}

	/** The key of a line item: the SHA-256 of its URL, in hex (URLs are too long for a unique index). */
	static String urlHash(String url) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void insertResult(long lineItemId, String userSub, Result r, Long at, long now) {
		jdbc.sql("insert into course_result (line_item_id, user_sub, score, maximum, result_at, changed_at) values (?,?,?,?,?,?)")
				.params(lineItemId, userSub, r.score(), r.maximum(), at, now).update();
	}

	private int updateResult(long lineItemId, String userSub, Result r, Long at, long now) {
		return jdbc.sql("update course_result set score=?, maximum=?, result_at=?, changed_at=? where line_item_id=? and user_sub=?")
				.params(r.score(), r.maximum(), at, now, lineItemId, userSub).update();
	}

	private void deleteResult(long lineItemId, String userSub) {
		jdbc.sql("delete from course_result where line_item_id=? and user_sub=?").params(lineItemId, userSub).update();
	}

	private static Long millis(Result r) {
		return r.timestamp() == null ? null : r.timestamp().toEpochMilli();
	}
}
