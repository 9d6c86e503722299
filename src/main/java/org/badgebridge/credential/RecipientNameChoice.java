package org.badgebridge.credential;

import java.util.Optional;

import org.badgebridge.award.Award;

/**
 * The learner's choice to be named in their Open Badges 3.0 credential. By default a credential identifies its
 * holder only by a salted hash of the award's address; it carries the name (plain text, as an
 * {@code IdentityObject} of type {@code name}) only when the learner chose it. The learner's own place (the
 * backpack, issue 11) provides this bean when it offers that choice; until then there is none and no credential
 * names anybody.
 */
public interface RecipientNameChoice {

	/** The name the learner chose to show in this award's credential, or empty to be identified by the address alone. */
	Optional<String> nameToShow(Award award);
}
