package org.badgebridge.verification.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import static org.badgebridge.verification.internal.JsonFields.string;

/**
 * Whom a credential was issued to: the name it shows in plain text, if any, and whether an email address the
 * verifier entered matches its (salted, hashed) email identifier.
 */
final class RecipientCheck {

	private RecipientCheck() {
	}

	static void check(JsonObject subject, String email, Findings f) {
		JsonValue identifiers = subject.get("identifier");
		List<JsonObject> ids = new ArrayList<>();
		if (identifiers instanceof JsonArray a) {
			a.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).forEach(ids::add);
		}
		else if (identifiers instanceof JsonObject o) {
			ids.add(o);
		}
		for (JsonObject id : ids) {
			if ("name".equals(string(id, "identityType")) && JsonValue.FALSE.equals(id.get("hashed"))) {
				f.recipient = string(id, "identityHash");
			}
		}
		if (email == null || email.isBlank()) {
			f.skipped("Recipient", f.recipient != null ? new Said("public.check.detail.issued-to-name", f.recipient)
					: new Said("public.check.detail.enter-email"));
			return;
		}
		for (JsonObject id : ids) {
			if ("emailAddress".equals(string(id, "identityType"))) {
				f.recipientCheck(email, string(id, "identityHash"), JsonValue.TRUE.equals(id.get("hashed")), string(id, "salt"));
				return;
			}
		}
		f.skipped("Recipient", new Said("public.check.detail.no-email", email.trim()));
	}
}
