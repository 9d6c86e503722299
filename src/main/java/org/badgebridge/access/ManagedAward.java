package org.badgebridge.access;

import org.badgebridge.award.Award;
import org.badgebridge.web.ResolvedPrincipal;

/** A teacher acting on one award (request parameter {@code award}) of their course's badge. */
public record ManagedAward(BadgeTeacher teacher, Award award) implements ResolvedPrincipal {
}
