package org.badgebridge.badge;

/** Test data of the badge module for other modules' tests: complete EU elements, a PNG image. */
public final class BadgeDetailsTestData {

	private BadgeDetailsTestData() {
	}

	public static BadgeDetails complete() {
		return BadgeDetailsUnitTest.complete();
	}

	public static byte[] png(int width, int height) throws Exception {
		return BadgeImagesUnitTest.png(width, height);
	}
}
