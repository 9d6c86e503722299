package org.badgebridge.account.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import org.badgebridge.access.CourseMember;
import org.badgebridge.award.Award;
import org.badgebridge.award.Awards;

/**
 * Links the LMS identity of a launch (platform + subject) to the learner's account once they confirm: the account
 * a badge they claimed in this course went into (the claim proved its address). One platform + subject links
 * to one account, for good.
 */
@Component
class LmsLinks {

	/** Where a launch stands: linked already (to which account), or the account it can link to (none when no claim proved one). */
	record Standing(Optional<String> linkedTo, Optional<String> candidate) {
	}

	private final AccountBook book;

	private final Awards awards;

	LmsLinks(AccountBook book, Awards awards) {
		this.book = book;
		this.awards = awards;
	}

	Standing standing(CourseMember member) {
		Optional<String> linked = book.linkedAccount(member.registrationId(), member.userSub());
		Optional<String> candidate = awards.forLearnerInCourse(member.contextId(), member.userSub()).stream().filter(Award::claimed)
				.map(a -> book.accountOfAward(a.id()).or(() -> book.accountOf(awards.recipientEmail(a)))).flatMap(Optional::stream)
				.findFirst();
		return new Standing(linked, candidate);
	}

	/** Links the launch's identity to its candidate account; false when there is none or the identity is linked already. */
	boolean link(CourseMember member) {
		Standing standing = standing(member);
		return standing.linkedTo().isEmpty() && standing.candidate().isPresent()
				&& book.link(member.registrationId(), member.userSub(), standing.candidate().get());
	}
}
