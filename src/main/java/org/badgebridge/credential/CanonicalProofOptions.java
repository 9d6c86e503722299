package org.badgebridge.credential;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * The canonical form of a proof's options (with the document's {@code @context}): the same for every credential a
 * key signs, but for {@code created}. It is canonicalised in full once per context, options and key, with a
 * placeholder time, and kept; each proof then puts its own time into the placeholder's literal. That is exactly
 * what canonicalising again would give, and is used only when it is certain to be: one blank node (so its label
 * does not depend on the literal), the placeholder's literal once, and the lines still in code point order after
 * the substitution. Anything else (another form of {@code created}, more blank nodes) is canonicalised in full.
 * The documents themselves are always canonicalised in full ({@link CanonicalForm}).
 */
final class CanonicalProofOptions {

	static final int MAX_ENTRIES = 64;

	private static final String PLACEHOLDER = "1970-01-01T00:00:00Z";

	private static final Pattern XSD_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

	private static final String DATE_TIME = "^^<http://www.w3.org/2001/XMLSchema#dateTime>";

	private final DocumentLoader loader;

	private final Map<String, Optional<String>> templates = new ConcurrentHashMap<>();

	CanonicalProofOptions(DocumentLoader loader) {
		this.loader = loader;
	}

	/** RDFC-1.0 canonical N-Quads of the proof options, as {@link CanonicalForm#of} gives them. */
	String of(JsonObject config) throws JsonLdError {
		if (!(config.get("created") instanceof JsonString created) || !XSD_SECONDS.matcher(created.getString()).matches()) {
			return CanonicalForm.of(config, loader);
		}
		JsonObject withPlaceholder = DataIntegrity.JSON.createObjectBuilder(config).add("created", PLACEHOLDER).build();
		String key = withPlaceholder.toString();
		Optional<String> template = templates.get(key);
		if (template == null) {
			template = usable(CanonicalForm.of(withPlaceholder, loader));
			if (templates.size() >= MAX_ENTRIES) {
				templates.clear();
			}
			templates.put(key, template);
		}
		if (template.isEmpty()) {
			return CanonicalForm.of(config, loader);
		}
		String form = template.get().replace(literal(PLACEHOLDER), literal(created.getString()));
		return ordered(form) ? form : CanonicalForm.of(config, loader);
	}

	private static String literal(String time) {
		return "\"" + time + "\"" + DATE_TIME;
	}

	private static Optional<String> usable(String form) {
		String placeholder = literal(PLACEHOLDER);
		int first = form.indexOf(placeholder);
		boolean once = first >= 0 && form.indexOf(placeholder, first + 1) < 0;
		return once && !form.contains("_:c14n1") ? Optional.of(form) : Optional.empty();
	}

	private static boolean ordered(String form) {
		String[] lines = form.split("\n");
		for (int i = 1; i < lines.length; i++) {
			if (lines[i - 1].compareTo(lines[i]) > 0) {
				return false;
			}
		}
		return true;
	}
}
