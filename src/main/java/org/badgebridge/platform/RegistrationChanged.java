package org.badgebridge.platform;

/**
 * A registration changed (created, updated, its state or a deployment's state set, a proposed change kept, approved or
 * rejected, deleted); published in the changing transaction. {@code change} names what changed, {@code actor} who.
 */
public record RegistrationChanged(long registrationId, String change, String actor) {
}
