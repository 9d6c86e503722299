package org.badgebridge.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.Registrations;

/**
 * The registration the demo LMS made of itself (issuer {@code badgebridge.demo.issuer}) is trusted only while the
 * demo runs. With the demo off, it is disabled at start-up, before the server takes requests, and a new Dynamic
 * Registration from that issuer is not auto-approved.
 */
@Component
class DemoRegistrationSwitch implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoRegistrationSwitch.class);

	private final Registrations registrations;

	private final boolean demo;

	private final String issuer;

	DemoRegistrationSwitch(Registrations registrations, @Value("${badgebridge.demo.enabled:false}") boolean demo,
			@Value("${badgebridge.demo.issuer:}") String issuer) {
		this.registrations = registrations;
		this.demo = demo;
		this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

	/** Whether this issuer is the demo LMS's while the demo is off. */
	boolean isDemoIssuerWhileOff(String candidate) {
		return !demo && !issuer.isBlank() && issuer.equals(candidate.endsWith("/") ? candidate.substring(0, candidate.length() - 1)
				: candidate);
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (demo || issuer.isBlank()) {
			return;
		}
		for (Registration r : registrations.byIssuer(issuer)) {
			if (r.state() != RegistrationState.DISABLED) {
				registrations.setState(r.id(), RegistrationState.DISABLED);
				log.warn("The demo LMS is off: its registration {} ({}) is disabled", r.id(), r.describe());
			}
		}
	}
}
