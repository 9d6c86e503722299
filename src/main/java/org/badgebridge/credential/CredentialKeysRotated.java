package org.badgebridge.credential;

/** The credential signing keys were rotated by an admin; published in the rotating transaction. */
public record CredentialKeysRotated(String newKeyIds, String actor) {
}
