package org.badgebridge.audit.internal;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.badgebridge.account.AccountChanged;
import org.badgebridge.award.ApprovalDecided;
import org.badgebridge.award.Award;
import org.badgebridge.award.AwardReinstated;
import org.badgebridge.award.AwardRevoked;
import org.badgebridge.award.AwardSuspended;
import org.badgebridge.award.Awards;
import org.badgebridge.award.BadgeAwarded;
import org.badgebridge.credential.CredentialKeysRotated;
import org.badgebridge.infrastructure.Correlation;
import org.badgebridge.platform.RegistrationChanged;
import org.badgebridge.platform.Registrations;
import org.badgebridge.platform.ToolKeysRotated;
import org.badgebridge.web.AdminSignedIn;

/**
 * Appends a row for every recorded event. Plain synchronous listeners on purpose (not
 * {@code @ApplicationModuleListener}, which runs after the commit): each runs inside the publishing transaction, so a
 * change rolled back leaves no row, and a row that cannot be written rolls the change back.
 */
@Component
class AuditListeners {

	private final AuditLog log;

	private final AuditContexts contexts;

	private final Awards awards;

	private final Registrations registrations;

	private final Clock clock;

	AuditListeners(AuditLog log, AuditContexts contexts, Awards awards, Registrations registrations, Clock clock) {
		this.log = log;
		this.contexts = contexts;
		this.awards = awards;
		this.registrations = registrations;
		this.clock = clock;
	}

	@EventListener
	void on(BadgeAwarded e) {
		Award award = awards.find(e.awardId()).orElseThrow();
		boolean byHand = !"system".equals(award.awardedBy());
		append(contexts.inCourse(entry(award.awardedBy(), byHand ? AuditAction.AWARDED_BY_HAND : AuditAction.AWARDED), e.contextId(),
				e.badgeId()).about(e.userSub(), e.awardId(), award.reason()), e.correlationId());
	}

	@EventListener
	void on(AwardRevoked e) {
		String by = awards.find(e.awardId()).map(Award::revokedBy).orElse(null);
		append(contexts.inCourse(entry(by, AuditAction.REVOKED), e.contextId(), e.badgeId()).about(e.userSub(), e.awardId(), e.reason()),
				null);
	}

	@EventListener
	void on(AwardSuspended e) {
		append(contexts.inCourse(entry(e.actor(), AuditAction.SUSPENDED), e.contextId(), e.badgeId()).about(e.userSub(), e.awardId(),
				e.reason()), null);
	}

	@EventListener
	void on(AwardReinstated e) {
		append(contexts.inCourse(entry(e.actor(), AuditAction.REINSTATED), e.contextId(), e.badgeId()).about(e.userSub(), e.awardId(),
				null), null);
	}

	@EventListener
	void on(ApprovalDecided e) {
		String detail = "criterion " + e.criterionKey() + (e.note() == null || e.note().isBlank() ? "" : ": " + e.note());
		append(contexts.inCourse(entry(e.actor(), e.approved() ? AuditAction.APPROVED : AuditAction.DENIED), e.contextId(), e.badgeId())
				.about(e.userSub(), null, detail), null);
	}

	@EventListener
	void on(RegistrationChanged e) {
		String name = registrations.find(e.registrationId()).map(r -> r.name() + " (" + r.describe() + ")").orElse("registration " + e.registrationId());
		append(entry(e.actor(), AuditAction.REGISTRATION_CHANGED).course(e.registrationId(), null, null)
				.about(null, null, e.change() + ": " + name), null);
	}

	@EventListener
	void on(ToolKeysRotated e) {
		append(entry(e.actor(), AuditAction.TOOL_KEY_ROTATED).about(null, null, "new key " + e.newKeyId()), null);
	}

	@EventListener
	void on(CredentialKeysRotated e) {
		append(entry(e.actor(), AuditAction.CREDENTIAL_KEY_ROTATED).about(null, null, "new keys " + e.newKeyIds()), null);
	}

	@EventListener
	void on(AdminSignedIn e) {
		append(entry(e.username(), AuditAction.ADMIN_SIGNED_IN).actor(AuditEntry.ActorKind.ADMIN, e.username())
				.about(null, null, e.method() + (e.address() == null ? "" : " from " + e.address())), null);
	}

	@EventListener
	void on(AccountChanged e) {
		AuditAction action = AuditAction.ofAccountChange(e.change());
		AuditEntry.ActorKind kind = action == AuditAction.ACCOUNT_RETENTION_PURGE ? AuditEntry.ActorKind.SYSTEM
				: AuditEntry.ActorKind.LEARNER;
		String person = e.account() == null ? null : "account:" + e.account();
		append(entry(null, action).actor(kind, person).about(person, null, e.detail()), null);
	}

	private AuditEntry entry(String actor, AuditAction action) {
		return AuditEntry.of(clock.instant(), actor, action);
	}

	private void append(AuditEntry entry, String correlationId) {
		log.append(entry.correlation(correlationId != null ? correlationId : Correlation.current()));
	}
}
