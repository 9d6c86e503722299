package org.badgebridge.platform;

/** The verdict on a deployment id a launch brings. */
public enum DeploymentCheck {
	/** Known and active. */
	ACCEPTED,
	/** Unknown, but the registration was made without one (Canvas): recorded now and accepted. */
	RECORDED,
	/** Known, but an admin disabled it. */
	DISABLED,
	/** Unknown, and the registration does not accept new ones. */
	UNKNOWN;

	public boolean accepted() {
		return this == ACCEPTED || this == RECORDED;
	}
}
