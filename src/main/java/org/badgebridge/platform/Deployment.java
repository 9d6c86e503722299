package org.badgebridge.platform;

import java.time.Instant;

/** One deployment of a registered client (Moodle: the tool type id; Canvas: "id:hash"). */
public record Deployment(long id, String deploymentId, DeploymentState state, boolean recordedAtLaunch,
		Instant createdAt) {

	public enum DeploymentState {
		ACTIVE, DISABLED
	}

	public boolean isActive() {
		return state == DeploymentState.ACTIVE;
	}
}
