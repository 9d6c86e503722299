package org.badgebridge.claim;

/**
 * Whether the learner of an award switched reminder mails off for all their awards (in their backpack). The claim
 * window asks every implementation (the account module provides one) besides the per-award switch of a reminder mail.
 */
public interface ReminderPreferences {

	/** True when the person this award was sent to does not want reminders before claim windows end. */
	boolean remindersOff(String awardId);
}
