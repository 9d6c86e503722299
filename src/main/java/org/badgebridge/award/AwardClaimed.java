package org.badgebridge.award;

/** The learner claimed an award through a link that proved control of their address. */
public record AwardClaimed(String awardId, String badgeId, String userSub) {
}
