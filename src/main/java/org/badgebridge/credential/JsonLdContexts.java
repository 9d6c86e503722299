package org.badgebridge.credential;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import org.springframework.stereotype.Component;

/**
 * The JSON-LD document loader used for every signature and check: bundled contexts only (VC 1.1 and 2.0, Data
 * Integrity v2, Open Badges 2.0 and 3.0.3, our micro-credential context). Nothing is ever fetched: an unknown context is an error naming it.
 */
@Component
public class JsonLdContexts implements DocumentLoader {

	public static final String OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

	public static final String OB3_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";

	public static final String VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2";

	public static final String VC1_CONTEXT = "https://www.w3.org/2018/credentials/v1";

	public static final String DATA_INTEGRITY_CONTEXT = "https://w3id.org/security/data-integrity/v2";

	private final Map<String, String> bundled;

	private final Map<String, jakarta.json.JsonStructure> parsed = new java.util.concurrent.ConcurrentHashMap<>();

	private final CredentialSettings settings;

	private final String microCredentialTemplate = read("microcredential-v1.json");

	public JsonLdContexts(CredentialSettings settings) {
		this.settings = settings;
		this.bundled = Map.of(VC2_CONTEXT, read("credentials-v2.json"), VC1_CONTEXT, read("credentials-v1.json"),
				DATA_INTEGRITY_CONTEXT, read("data-integrity-v2.json"), OB3_CONTEXT, read("ob-v3p0-context-3.0.3.json"), OB3_EXTENSIONS, read("ob-v3p0-extensions.json"),
				OpenBadges2.CONTEXT, read("ob-v2-context.json"));
	}

	/** Our micro-credential context, with term IRIs under its (stable) URL. */
	public String microCredentialContext() {
		return microCredentialTemplate.replace("{{base}}", settings.contextUrl());
	}

	private static final String UNDEFINED = "urn:badgebridge:undefined-term#";

	/**
	 * Terms of a JSON-LD document that none of its contexts defines. JSON-LD expansion drops such terms silently,
	 * so a signature would not cover them (and stricter processors refuse the document): expanding once more
	 * with a catch-all vocabulary reveals them.
	 */
	public java.util.SortedSet<String> undefinedTerms(jakarta.json.JsonObject document) throws JsonLdError {
		jakarta.json.JsonArrayBuilder contexts = DataIntegrity.JSON.createArrayBuilder();
		jakarta.json.JsonValue context = document.get("@context");
		if (context instanceof jakarta.json.JsonArray array) {
			array.forEach(contexts::add);
		}
		else if (context != null) {
			contexts.add(context);
		}
		contexts.add(DataIntegrity.JSON.createObjectBuilder().add("@vocab", UNDEFINED));
		jakarta.json.JsonObject probe = DataIntegrity.JSON.createObjectBuilder(document).add("@context", contexts).build();
		jakarta.json.JsonArray expanded = com.apicatalog.jsonld.JsonLd.expand(JsonDocument.of(probe)).loader(this).get();
		java.util.SortedSet<String> found = new java.util.TreeSet<>();
		collectUndefined(expanded, found);
		return found;
	}

	private static void collectUndefined(jakarta.json.JsonValue value, java.util.Set<String> found) {
		if (value instanceof jakarta.json.JsonArray array) {
			array.forEach(v -> collectUndefined(v, found));
		}
		else if (value instanceof jakarta.json.JsonObject object) {
			object.forEach((key, v) -> {
				if (key.startsWith(UNDEFINED)) {
					found.add(key.substring(UNDEFINED.length()));
				}
				if ("@type".equals(key)) {
					collectUndefinedTypes(v, found);
				}
				collectUndefined(v, found);
			});
		}
	}

	private static void collectUndefinedTypes(jakarta.json.JsonValue types, java.util.Set<String> found) {
		if (types instanceof jakarta.json.JsonString s && s.getString().startsWith(UNDEFINED)) {
			found.add(s.getString().substring(UNDEFINED.length()));
		}
		else if (types instanceof jakarta.json.JsonArray array) {
			array.forEach(t -> collectUndefinedTypes(t, found));
		}
	}

	private String key(String url) {
		return "https://w3id.org/openbadges/v2/".equals(url) ? OpenBadges2.CONTEXT : url;
	}

	/** The first context of a document's {@code @context} (string or array) that is not bundled, or null. */
	public String unknownContext(jakarta.json.JsonValue context) {
		java.util.List<jakarta.json.JsonValue> entries = context instanceof jakarta.json.JsonArray array ? array
				: context == null ? java.util.List.of() : java.util.List.of(context);
		for (jakarta.json.JsonValue entry : entries) {
			if (entry instanceof jakarta.json.JsonString s && !settings.contextUrl().equals(key(s.getString()))
					&& !bundled.containsKey(key(s.getString()))) {
				return s.getString();
			}
		}
		return null;
	}

	@Override
	public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
		String key = key(url.toString());
		boolean ours = key.equals(settings.contextUrl());
		if (!ours && !bundled.containsKey(key)) {
			throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
					"The JSON-LD context " + url + " is not one this tool knows (contexts are never fetched)");
		}
		// each context is parsed once; ours is made from its template with the configured URL
		jakarta.json.JsonStructure structure = parsed.computeIfAbsent(key, k -> {
			try (jakarta.json.JsonReader reader = DataIntegrity.JSON.createReader(
					new StringReader(ours ? microCredentialContext() : bundled.get(k)))) {
				return reader.read();
			}
		});
		JsonDocument document = JsonDocument.of(MediaType.JSON_LD, structure);
		document.setDocumentUrl(url);
		return document;
	}

	private static String read(String name) {
		try (InputStream in = JsonLdContexts.class.getResourceAsStream("/credential/contexts/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
