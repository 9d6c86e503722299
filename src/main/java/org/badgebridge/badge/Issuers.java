package org.badgebridge.badge;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Issuer profiles. The default one is made on first use from {@code badgebridge.issuer.*}; an institution that
 * shares the tool gets its own profile per platform registration, used for the badges made in its courses.
 */
@Service
public class Issuers {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String defaultName;

	private final String defaultUrl;

	private final String defaultCountry;

	public Issuers(JdbcClient jdbc, Clock clock, @Value("${badgebridge.issuer.name:BadgeBridge}") String defaultName,
			@Value("${badgebridge.issuer.url:${badgebridge.public-url}}") String defaultUrl,
			@Value("${badgebridge.issuer.country:}") String defaultCountry) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.defaultName = defaultName;
		this.defaultUrl = defaultUrl;
		this.defaultCountry = defaultCountry.isBlank() ? null : defaultCountry;
	}

	public List<IssuerProfile> all() {
		defaultIssuer();
		return jdbc.sql("select * from issuer_profile order by is_default desc, name").query(this::row).list();
	}

	public IssuerProfile defaultIssuer() {
		Optional<IssuerProfile> found = jdbc.sql("select * from issuer_profile where is_default = true order by id").query(this::row)
				.list().stream().findFirst();
		if (found.isPresent()) {
			return found.get();
		}
		jdbc.sql("insert into issuer_profile (name, url, country, is_default, created_at) values (?,?,?,true,?)")
				.params(defaultName, defaultUrl, defaultCountry, clock.millis()).update();
		return jdbc.sql("select * from issuer_profile where is_default = true order by id").query(this::row).list().get(0);
	}

	/** The registration's own issuer, else the default. */
	public IssuerProfile forRegistration(Long registrationId) {
		if (registrationId != null) {
			Optional<IssuerProfile> own = jdbc.sql("select * from issuer_profile where registration_id=?").param(registrationId)
					.query(this::row).optional();
			if (own.isPresent()) {
				return own.get();
			}
		}
		return defaultIssuer();
	}

	public Optional<IssuerProfile> find(long id) {
		return jdbc.sql("select * from issuer_profile where id=?").param(id).query(this::row).optional();
	}

	/** Creates (id null) or changes an issuer; a registration has at most one. Keeps the issuer's time zone. */
	public IssuerProfile save(Long id, String name, String url, String email, String country, String description,
			Long registrationId) {
		return save(id, name, url, email, country, description, registrationId, null);
	}

	/**
	 * Creates (id null) or changes an issuer, with the time zone its pages and mails show times in (an IANA id such as
	 * Europe/Amsterdam; null or blank keeps the stored one, Europe/Amsterdam for a new issuer).
	 */
	public IssuerProfile save(Long id, String name, String url, String email, String country, String description,
			Long registrationId, String timeZone) {
		if (timeZone != null && !timeZone.isBlank() && org.badgebridge.web.Dates.parseZone(timeZone) == null) {
			throw new InvalidBadgeException("\"" + timeZone.trim() + "\" is not a time zone: use a name such as Europe/Amsterdam.",
					"common.error.issuer.zone", timeZone.trim());
		}
		String zone = timeZone == null || timeZone.isBlank() ? null : org.badgebridge.web.Dates.parseZone(timeZone).getId();
		if (name == null || name.isBlank() || name.length() > 255) {
			throw new InvalidBadgeException("An issuer needs a name of at most 255 characters.", "common.error.issuer.name");
		}
		if (url != null && !url.isBlank() && !url.matches("https?://\\S+")) {
			throw new InvalidBadgeException("The issuer's URL must be an http(s) URL.", "common.error.issuer.url");
		}
		if (email != null && !email.isBlank() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new InvalidBadgeException("That is not an email address.", "common.error.issuer.email");
		}
		try {
			if (id == null) {
				jdbc.sql("insert into issuer_profile (name, url, email, country, description, registration_id, is_default, created_at, time_zone) values (?,?,?,?,?,?,false,?,?)")
						.params(name.trim(), blank(url), blank(email), blank(country), blank(description), registrationId, clock.millis(),
								zone == null ? IssuerProfile.DEFAULT_TIME_ZONE : zone)
						.update();
				return jdbc.sql("select * from issuer_profile where name=? order by id desc").param(name.trim()).query(this::row).list()
						.get(0);
			}
			jdbc.sql("update issuer_profile set name=?, url=?, email=?, country=?, description=?, registration_id=? where id=?")
					.params(name.trim(), blank(url), blank(email), blank(country), blank(description), registrationId, id).update();
			if (zone != null) {
				jdbc.sql("update issuer_profile set time_zone=? where id=?").params(zone, id).update();
			}
			return find(id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidBadgeException("That platform registration has an issuer already.", "common.error.issuer.registration");
		}
	}

	/**
	 * Sets (or, blank, clears) the issuer's LinkedIn organisation id: the digits of its LinkedIn company page's id, which
	 * LinkedIn's "Add to profile" takes instead of the issuer's name.
	 */
	public IssuerProfile setLinkedInOrganization(long id, String organizationId) {
		String value = blank(organizationId);
		if (value != null && !value.matches("[0-9]{1,20}")) {
			throw new InvalidBadgeException("A LinkedIn organisation id is a number (the digits in the company page's admin URL).");
		}
		jdbc.sql("update issuer_profile set linkedin_organization_id=? where id=?").params(value, id).update();
		return find(id).orElseThrow();
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private IssuerProfile row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		Long registrationId = rs.getObject("registration_id") == null ? null : rs.getLong("registration_id");
		return new IssuerProfile(rs.getLong("id"), rs.getString("name"), rs.getString("url"), rs.getString("email"),
				rs.getString("country"), rs.getString("description"), registrationId, rs.getBoolean("is_default"),
				rs.getString("time_zone"), rs.getString("linkedin_organization_id"));
	}
}
