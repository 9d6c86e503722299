package org.badgebridge.account.internal;

import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A provider's subject (issuer + subject) linked to one account, and what the provider released recorded with it.
 * The first sign-in of a subject joins the account that holds its verified address, else a new account; a verified
 * address joins the signed-in account as a mailed verification would: when another account holds it, a merge is
 * requested (confirmed by a sign-in of each), never done silently. An unverified address is recorded, never added.
 */
@Component
class OidcIdentities {

	enum Address { NONE, ADDED, ALREADY_YOURS, MERGE_REQUESTED }

	record SignedIn(String accountId, Address address) {
	}

	private final JdbcClient jdbc;

	private final AccountBook book;

	private final Merges merges;

	private final Clock clock;

	OidcIdentities(JdbcClient jdbc, AccountBook book, Merges merges, Clock clock) {
		this.jdbc = jdbc;
		this.book = book;
		this.merges = merges;
		this.clock = clock;
	}

	@Transactional
	SignedIn signedIn(String provider, OidcClient.Released released) {
		String email = released.emailVerified() ? Secrets.address(released.email()) : null;
		String account = linked(released).orElseGet(() -> link(provider, released, email));
		record(provider, released);
		book.told(account, "SIGNED_IN", "OpenID Connect (" + provider + ")");
		if (email == null) {
			return new SignedIn(account, Address.NONE);
		}
		Optional<String> holder = book.accountOf(email);
		if (holder.isEmpty() && book.addAddress(account, email)) {
			return new SignedIn(account, Address.ADDED);
		}
		String other = holder.orElseGet(() -> book.accountOf(email).orElseThrow());
		if (other.equals(account)) {
			return new SignedIn(account, Address.ALREADY_YOURS);
		}
		merges.request(account, other, email);
		return new SignedIn(account, Address.MERGE_REQUESTED);
	}

	private Optional<String> linked(OidcClient.Released released) {
		return jdbc.sql("""
				select coalesce(a.merged_into, a.id) from account_oidc_identity i join account a on a.id = i.account_id
				where i.issuer=? and i.subject=?""").params(released.issuer(), released.subject()).query(String.class).optional();
	}

	private String link(String provider, OidcClient.Released released, String email) {
		String account = email == null ? book.newAccount() : book.accountFor(email);
		long now = clock.millis();
		try {
			jdbc.sql("""
					insert into account_oidc_identity (issuer, subject, account_id, provider, email_verified, linked_at, seen_at)
					values (?,?,?,?,?,?,?)""").params(released.issuer(), released.subject(), account, provider, false, now, now).update();
			return account;
		}
		catch (DuplicateKeyException ex) {
			return linked(released).orElseThrow();
		}
	}

	private void record(String provider, OidcClient.Released released) {
		jdbc.sql("""
				update account_oidc_identity set provider=?, email=?, email_verified=?, institution=?, given_name=?, family_name=?,
				seen_at=? where issuer=? and subject=?""")
				.params(provider, cut(released.email(), 320), released.emailVerified(), cut(released.institution(), 255),
						cut(released.givenName(), 255), cut(released.familyName(), 255), clock.millis(), released.issuer(),
						released.subject())
				.update();
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
