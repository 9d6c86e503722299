package org.badgebridge.badge.internal;

import java.time.ZoneId;

import org.springframework.stereotype.Component;

import org.badgebridge.badge.Issuers;
import org.badgebridge.web.InstitutionTimeZone;

/** Pages that name no issuer of their own show times in the default issuer's time zone. */
@Component
class IssuerTimeZone implements InstitutionTimeZone {

	private final Issuers issuers;

	IssuerTimeZone(Issuers issuers) {
		this.issuers = issuers;
	}

	@Override
	public ZoneId zone() {
		return issuers.defaultIssuer().zone();
	}
}
