package org.badgebridge.platform.internal;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.badgebridge.web.RateLimiter;

/**
 * The public registration URL's limit per client address and minute. Enough to stop a script from making the
 * tool fetch URLs in a loop; legitimate admins register a handful of times.
 */
@Component
class RegistrationRateLimiter extends RateLimiter {

	RegistrationRateLimiter(@Value("${badgebridge.lti.registration.rate-limit-per-minute:10}") int perMinute, Clock clock) {
		super(perMinute, clock);
	}
}
