package org.badgebridge.credential;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.ld.DocumentError;
import com.apicatalog.ld.signature.SigningError;
import com.apicatalog.ld.signature.VerificationError;
import com.apicatalog.ld.signature.VerificationMethod;
import com.apicatalog.ld.signature.eddsa.EdDSASignature2022;
import com.apicatalog.multikey.MultiKey;
import com.apicatalog.vc.integrity.DataIntegrityProofDraft;
import com.apicatalog.vc.method.resolver.DidUrlMethodResolver;
import com.apicatalog.vc.method.resolver.MethodResolver;
import com.apicatalog.vc.proof.Proof;
import com.apicatalog.vc.verifier.Verifier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.springframework.stereotype.Component;

/**
 * Data Integrity proofs with the {@code eddsa-rdfc-2022} cryptosuite, through iron-verifiable-credentials and
 * titanium-json-ld with our static document loader (JSON-LD expansion and RDF canonicalisation are not things
 * to write by hand). Verification resolves {@code did:key} offline and our own {@code did:web} from our keys.
 */
@Component
public class DataIntegrity {

	private static final URI ASSERTION_METHOD = URI.create("https://w3id.org/security#assertionMethod");

	private final EdDSASignature2022 suite = new EdDSASignature2022();

	private final JsonLdContexts loader;

	private final CredentialSettings settings;

	private final CredentialKeys keys;

	public DataIntegrity(JsonLdContexts loader, CredentialSettings settings, CredentialKeys keys) {
		this.loader = loader;
		this.settings = settings;
		this.keys = keys;
	}

	/** Thrown when a document cannot be signed (an undefined term, a context we do not bundle...). */
	public static class SigningFailed extends RuntimeException {

		SigningFailed(String message, Throwable cause) {
			super(message, cause);
		}
	}

	/** The document (JSON) with a {@code proof} added; the document's own form is kept as it was. */
	public JsonObject sign(String json, CredentialKeys.Ed25519Key key, Instant created) {
		JsonObject document = parse(json);
		MultiKey pair = new MultiKey();
		pair.setId(URI.create(settings.verificationMethod(key)));
		pair.setController(URI.create(settings.issuerId(key)));
		pair.setAlgorithm("Ed25519");
		pair.setPublicKey(key.publicKey());
		pair.setPrivateKey(key.privateKey());
		try {
			java.util.Set<String> undefined = loader.undefinedTerms(document);
			if (!undefined.isEmpty()) {
				throw new SigningFailed("Could not sign: these terms are defined by none of the document's contexts, so the "
						+ "signature would not cover them: " + String.join(", ", undefined), null);
			}
		}
		catch (com.apicatalog.jsonld.JsonLdError ex) {
			throw new SigningFailed("Could not sign: the document is not valid JSON-LD: " + ex.getMessage(), ex);
		}
		try {
			DataIntegrityProofDraft draft = suite.createDraft(URI.create(settings.verificationMethod(key)), ASSERTION_METHOD);
			draft.created(created);
			JsonObject signed = suite.createIssuer(pair).loader(loader).useBundledContexts(false).sign(document, draft).compacted();
			return Json.createObjectBuilder(document).add("proof", signed.get("proof")).build();
		}
		catch (SigningError | DocumentError ex) {
			throw new SigningFailed("Could not sign the credential: " + describe(ex), ex);
		}
	}

	/**
	 * Checks the proof of a document. Throws {@link VerificationError} for a bad signature and
	 * {@link DocumentError} for a document that cannot be checked (unknown context, unresolvable key...).
	 */
	public void verify(JsonObject document) throws VerificationError, DocumentError {
		Verifier.with(suite).loader(loader).useBundledContexts(false).statusValidator(status -> {
			// status is checked against the status list by the caller, not here
		}).methodResolvers(List.of(new OwnDidWeb(), new DidUrlMethodResolver(
				com.apicatalog.multibase.MultibaseDecoder.getInstance(), EdDSASignature2022.CODECS))).verify(document);
	}

	public static JsonObject parse(String json) {
		try (JsonReader reader = Json.createReader(new StringReader(json))) {
			return reader.readObject();
		}
	}

	public static String describe(Throwable ex) {
		if (ex instanceof DocumentError d) {
			return d.getCode() + (d.getMessage() != null ? " (" + d.getMessage() + ")" : "")
					+ (d.getCause() != null ? ": " + d.getCause().getMessage() : "");
		}
		return ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/** Our own did:web: its verification methods are our credential keys (no fetching). */
	private final class OwnDidWeb implements MethodResolver {

		@Override
		public boolean isAccepted(URI id) {
			return settings.didWeb() && id.toString().startsWith(settings.didWebId() + "#");
		}

		@Override
		public VerificationMethod resolve(URI id, DocumentLoader documentLoader, Proof proof) throws DocumentError {
			String kid = id.getFragment();
			Optional<CredentialKeys.PublicKey> key = keys.publicKey(kid).filter(k -> CredentialKeys.ED25519.equals(k.algorithm()));
			if (key.isEmpty()) {
				throw new DocumentError(DocumentError.ErrorType.Unknown, "VerificationMethod");
			}
			MultiKey method = new MultiKey();
			method.setId(id);
			method.setController(URI.create(settings.didWebId()));
			method.setAlgorithm("Ed25519");
			method.setPublicKey(key.get().raw());
			return method;
		}
	}

}
