package org.badgebridge.web;

/** An administrator signed in (form or OpenID Connect); published in the transaction that starts the session. */
public record AdminSignedIn(String username, String method, String address) {
}
