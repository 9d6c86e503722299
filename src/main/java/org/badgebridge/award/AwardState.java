package org.badgebridge.award;

import java.util.Locale;

/** An award's state for the admin's lists and counts: revoked, else suspended, else claimed, else earned. */
public enum AwardState {
	EARNED, CLAIMED, SUSPENDED, REVOKED;

	/** The state of an {@code award} row in SQL (as {@link AwardStates} reads it). */
	static final String SQL = "case when revoked_at is not null then 'REVOKED' when suspended_at is not null then 'SUSPENDED' "
			+ "when claimed_at is not null then 'CLAIMED' else 'EARNED' end";

	/** The suffix of its message keys. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
