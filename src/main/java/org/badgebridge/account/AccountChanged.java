package org.badgebridge.account;

/**
 * Something happened to a learner's account (created, an address added or confirmed, a merge requested or done, an LMS
 * identity linked, a sign-in, a data export, its deletion, a retention purge); published in the changing transaction.
 * {@code account} is the account's id (null where the change names none, as deletion and purges); {@code detail} is
 * short and never holds an email address.
 */
public record AccountChanged(String account, String change, String detail) {
}
