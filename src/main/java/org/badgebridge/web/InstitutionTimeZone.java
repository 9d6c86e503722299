package org.badgebridge.web;

import java.time.ZoneId;

/**
 * The time zone pages show times in when they name no issuer of their own: the default issuer profile's (provided by
 * the module that owns issuer profiles; Europe/Amsterdam until one is set).
 */
public interface InstitutionTimeZone {

	ZoneId DEFAULT = ZoneId.of("Europe/Amsterdam");

	ZoneId zone();
}
