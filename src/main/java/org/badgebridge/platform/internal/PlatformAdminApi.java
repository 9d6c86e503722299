package org.badgebridge.platform.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.badgebridge.web.Admin;

import org.badgebridge.platform.InvalidRegistrationException;
import org.badgebridge.platform.Registration;
import org.badgebridge.platform.RegistrationState;
import org.badgebridge.platform.RegistrationValues;
import org.badgebridge.platform.Registrations;

/** JSON API for registrations, for scripted set-ups. Needs the admin credentials (HTTP Basic). */
@RestController
@RequestMapping(path = "/api/admin/platforms", produces = MediaType.APPLICATION_JSON_VALUE)
class PlatformAdminApi {

	private final Registrations registrations;

	PlatformAdminApi(Registrations registrations) {
		this.registrations = registrations;
	}

	@GetMapping
	List<Registration> list(Admin admin) {
		return registrations.all();
	}

	@GetMapping("/{id}")
	ResponseEntity<Registration> get(Admin admin, @PathVariable long id) {
		return ResponseEntity.of(registrations.find(id));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Registration> create(Admin admin, @RequestBody RegistrationValues values) {
		Registration r = registrations.create(values, "admin-api");
		return ResponseEntity.created(URI.create("/api/admin/platforms/" + r.id())).body(r);
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Registration> update(Admin admin, @PathVariable long id, @RequestBody RegistrationValues values) {
		if (registrations.find(id).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok(registrations.update(id, values, admin.username()));
	}

	@PutMapping(path = "/{id}/state", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Registration> state(Admin admin, @PathVariable long id, @RequestBody Map<String, String> body) {
		if (registrations.find(id).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		String state = body.get("state");
		if (state == null) {
			throw new InvalidRegistrationException("state", "state is required: ACTIVE, PENDING or DISABLED");
		}
		registrations.setState(id, RegistrationState.parse(state), admin.username());
		return ResponseEntity.of(registrations.find(id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Admin admin, @PathVariable long id) {
		return registrations.delete(id, admin.username()) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	@ExceptionHandler(InvalidRegistrationException.class)
	ProblemDetail invalid(InvalidRegistrationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid registration");
		problem.setProperty("field", ex.field());
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badValue(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}
}
