package org.badgebridge.web;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sign-in form's rule: the throttle first (a waiting address or name is not checked at all), then the configured
 * admin credentials ({@link UserDetailsService} and {@link PasswordEncoder}, as HTTP Basic checks them); a failure
 * counts as a Basic one does; a success starts a session and publishes {@link AdminSignedIn} in that transaction.
 */
@Service
class AdminFormSignIn {

	/** What a sign-in came to: a session cookie, a wait (milliseconds), or refused credentials. */
	sealed interface Outcome {
	}

	record SignedIn(String username, ResponseCookie cookie) implements Outcome {
	}

	record Throttled(long waitMillis) implements Outcome {
	}

	record Refused() implements Outcome {
	}

	private final UserDetailsService users;

	private final PasswordEncoder encoder;

	private final AdminSignInAttempts attempts;

	private final AdminFormSessions sessions;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	/** Compared against when the name is unknown, so that an unknown name costs the same work as a wrong password. */
	private final String decoy;

	AdminFormSignIn(UserDetailsService users, PasswordEncoder encoder, AdminSignInAttempts attempts, AdminFormSessions sessions,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
		this.users = users;
		this.encoder = encoder;
		this.attempts = attempts;
		this.sessions = sessions;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.decoy = encoder.encode("no such admin");
	}

	Outcome signIn(String username, String password, String address) {
		long wait = attempts.waitMillis(address, username);
		if (wait > 0) {
			return new Throttled(wait);
		}
		Optional<UserDetails> admin = find(username);
		boolean matches = encoder.matches(password, admin.map(UserDetails::getPassword).orElse(decoy));
		if (admin.isEmpty() || !matches || !admin.get().isEnabled()
				|| admin.get().getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
			attempts.failed(address, username);
			return new Refused();
		}
		String name = admin.get().getUsername();
		return transactions.execute(status -> {
			ResponseCookie cookie = sessions.open(name, address);
			events.publishEvent(new AdminSignedIn(name, "form", address));
			return new SignedIn(name, cookie);
		});
	}

	private Optional<UserDetails> find(String username) {
		try {
			return Optional.ofNullable(users.loadUserByUsername(username));
		}
		catch (UsernameNotFoundException ex) {
			return Optional.empty();
		}
	}
}
