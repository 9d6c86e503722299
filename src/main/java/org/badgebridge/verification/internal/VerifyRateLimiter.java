package org.badgebridge.verification.internal;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.badgebridge.web.RateLimiter;

/** "Verify a badge" checks per client address and minute: checking is public and may fetch links. */
@Component
class VerifyRateLimiter extends RateLimiter {

	VerifyRateLimiter(@Value("${badgebridge.verify.rate-limit-per-minute:30}") int perMinute, Clock clock) {
		super(perMinute, clock);
	}
}
