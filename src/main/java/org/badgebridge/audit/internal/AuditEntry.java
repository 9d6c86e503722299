package org.badgebridge.audit.internal;

import java.time.Instant;

/**
 * One row of the audit trail. {@code actorKind} SYSTEM, TEACHER, ADMIN or LEARNER with a name or LMS subject;
 * {@code person} an LMS subject or an account reference, never an email address.
 */
public record AuditEntry(long id, Instant occurredAt, ActorKind actorKind, String actorName, AuditAction action, Long registrationId,
		Long contextId, String courseTitle, String badgeId, String badgeName, String person, String awardId, String detail,
		String correlationId) {

	public enum ActorKind {
		SYSTEM, TEACHER, ADMIN, LEARNER;

		/** The kind an actor string of the domain names: "system"/"schedule"/"dynamic-registration", "teacher:…", "learner:…", else an admin. */
		static ActorKind of(String actor) {
			if (actor == null || actor.isBlank() || actor.equals("system") || actor.equals("schedule")
					|| actor.equals("dynamic-registration")) {
				return SYSTEM;
			}
			return actor.startsWith("teacher:") ? TEACHER : actor.startsWith("learner:") ? LEARNER : ADMIN;
		}
	}

	/** A new entry (its id is given by the database). */
	static AuditEntry of(Instant at, String actor, AuditAction action) {
		return new AuditEntry(0, at, ActorKind.of(actor), actor, action, null, null, null, null, null, null, null, null, null);
	}

	AuditEntry actor(ActorKind kind, String name) {
		return new AuditEntry(id, occurredAt, kind, name, action, registrationId, contextId, courseTitle, badgeId, badgeName, person,
				awardId, detail, correlationId);
	}

	AuditEntry course(Long registration, Long context, String title) {
		return new AuditEntry(id, occurredAt, actorKind, actorName, action, registration, context, title, badgeId, badgeName, person,
				awardId, detail, correlationId);
	}

	AuditEntry badge(String badge, String name) {
		return new AuditEntry(id, occurredAt, actorKind, actorName, action, registrationId, contextId, courseTitle, badge, name, person,
				awardId, detail, correlationId);
	}

	AuditEntry about(String who, String award, String text) {
		return new AuditEntry(id, occurredAt, actorKind, actorName, action, registrationId, contextId, courseTitle, badgeId, badgeName,
				who, award, text, correlationId);
	}

	AuditEntry correlation(String correlation) {
		return new AuditEntry(id, occurredAt, actorKind, actorName, action, registrationId, contextId, courseTitle, badgeId, badgeName,
				person, awardId, detail, correlation);
	}
}
