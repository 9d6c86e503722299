/**
 * The audit trail: every award, revocation, suspension, reinstatement, approval decision, registration change, key
 * rotation, admin sign-in and learner account event, appended to {@code audit_event} by synchronous listeners in the
 * transaction that made the change (a rolled-back change leaves no row; a failed row rolls the change back). Rows are
 * never updated; only the retention purge ({@code badgebridge.audit.retention}) deletes them. The admin's page
 * {@code /admin/audit} (filters, paging and sorting in the database) and its CSV export read it. No email address is
 * recorded: a person is an LMS subject or an account reference. A leaf: nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail",
		allowedDependencies = { "award", "badge", "course", "platform", "account", "credential", "web", "infrastructure" })
package org.badgebridge.audit;
