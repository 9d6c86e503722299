package org.badgebridge.badge;

/** A complete set of EU micro-credential elements, for tests. */
public final class BadgeDetailsTestData {

	private BadgeDetailsTestData() {
	}

	public static BadgeDetails complete() {
		return BadgeDetailsUnitTest.complete();
	}
}
