package org.badgebridge.platform;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The platform registrations as the admin's overview names them: id, name, issuer and state, without their deployments. */
@Service
public class PlatformFigures {

	/** A registration in a line. */
	public record Platform(long id, String name, String issuer, RegistrationState state) {

		/** Its name, else its issuer. */
		public String label() {
			return name == null || name.isBlank() ? issuer : name;
		}
	}

	private final JdbcClient jdbc;

	PlatformFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every registration, by name and id. */
	public List<Platform> all() {
		return jdbc.sql("select id, name, issuer, state from platform_registration order by name, id")
				.query((rs, i) -> new Platform(rs.getLong(1), rs.getString(2), rs.getString(3), RegistrationState.parse(rs.getString(4))))
				.list();
	}
}
