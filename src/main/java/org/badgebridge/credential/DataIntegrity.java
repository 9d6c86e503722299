package org.badgebridge.credential;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import com.apicatalog.jsonld.JsonLdError;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.springframework.stereotype.Component;

/**
 * Data Integrity proofs with the {@code eddsa-rdfc-2022} cryptosuite (W3C vc-di-eddsa): the document and the
 * proof options are expanded with titanium-json-ld (our static document loader: nothing is fetched),
 * canonicalised with titanium-rdfc (RDFC-1.0), hashed with SHA-256 and signed with Ed25519.
 * <p>
 * iron-verifiable-credentials was tried first: its canonicalisation (io.setl rdf-urdna) labels the blank nodes
 * of a credential with two identifier objects differently from jsonld.js, so its proofs failed in the DCC
 * verifier. The algorithm around the canonicalisation is small and written here against the spec.
 */
@Component
public class DataIntegrity {

	public static final String CRYPTOSUITE = "eddsa-rdfc-2022";

	/**
	 * The JSON-P provider, found once: {@code Json.createObjectBuilder} and {@code Json.createReader} look it up with a
	 * ServiceLoader on every call, which took a fifth of issuing's time (JFR). Providers are thread-safe.
	 */
	static final JsonProvider JSON = JsonProvider.provider();

	private final JsonLdContexts loader;

	private final CredentialSettings settings;

	private final CredentialKeys keys;

	/** The proof options' canonical form, kept per context, options and key (see {@link CanonicalProofOptions}). */
	private final CanonicalProofOptions proofOptions;

	public DataIntegrity(JsonLdContexts loader, CredentialSettings settings, CredentialKeys keys) {
		this.loader = loader;
		this.proofOptions = new CanonicalProofOptions(loader);
		this.settings = settings;
		this.keys = keys;
	}

	/** Thrown when a document cannot be signed (an undefined term, a context we do not bundle...). */
	public static class SigningFailed extends RuntimeException {

		SigningFailed(String message, Throwable cause) {
			super(message, cause);
		}
	}

	/** Why a proof does not verify, in words a person can act on. */
	public static class ProofInvalid extends Exception {

		public ProofInvalid(String message) {
			super(message);
		}
	}

	/** The proof may be fine, but it cannot be checked here: nothing can be said about who signed the document. */
	public static class Uncheckable extends ProofInvalid {

		public Uncheckable(String message) {
			super(message);
		}
	}

	/** The proof may be fine, but its key cannot be resolved without fetching it. */
	public static class KeyUnresolvable extends Uncheckable {

		public KeyUnresolvable(String message) {
			super(message);
		}
	}

	/**
	 * The document is beyond the bounds of canonicalisation ({@link CanonicalForm}): it could not be checked, which
	 * says nothing about whether it was signed.
	 */
	public static class TooComplex extends Uncheckable {

		public TooComplex(String message) {
			super(message);
		}
	}

	/** The document (JSON) with a {@code proof} added; the document's own form is kept as it was. */
	public JsonObject sign(String json, CredentialKeys.Ed25519Key key, Instant created) {
		JsonObject document = parse(json);
		try {
			Set<String> undefined = loader.undefinedTerms(document);
			if (!undefined.isEmpty()) {
				throw new SigningFailed("Could not sign: these terms are defined by none of the document's contexts, so the "
						+ "signature would not cover them: " + String.join(", ", undefined), null);
			}
			JsonObject options = JSON.createObjectBuilder().add("type", "DataIntegrityProof").add("cryptosuite", CRYPTOSUITE)
					.add("created", OpenBadges3.iso(created)).add("verificationMethod", settings.verificationMethod(key))
					.add("proofPurpose", "assertionMethod").build();
			byte[] signature = ed25519Sign(key.privateKey(), hashData(document, options));
			JsonObject proof = JSON.createObjectBuilder(options).add("proofValue", Multikeys.base58btc(signature)).build();
			return JSON.createObjectBuilder(document).add("proof", proof).build();
		}
		catch (JsonLdError ex) {
			throw new SigningFailed("Could not sign: the document is not valid JSON-LD: " + ex.getMessage(), ex);
		}
		catch (CanonicalForm.TooComplex ex) {
			throw new SigningFailed("Could not sign: the document is too complex to canonicalise: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Checks the {@code eddsa-rdfc-2022} proof of a document, resolving the key offline ({@code did:key}, or our
	 * own {@code did:web}) and requiring that it belongs to the document's issuer. Cheap checks come first (size,
	 * depth, known contexts, the proof's shape, a key that resolves); canonicalisation runs within the bounds of
	 * {@link CanonicalForm}.
	 *
	 * @throws TooComplex when the document is beyond those bounds: it could not be checked
	 */
	public void verify(JsonObject document) throws ProofInvalid {
		try {
			CanonicalForm.checkShape(document);
		}
		catch (CanonicalForm.TooComplex ex) {
			throw tooComplex(ex);
		}
		String unknownContext = loader.unknownContext(document.get("@context"));
		if (unknownContext != null) {
			throw new ProofInvalid("It uses the JSON-LD context " + unknownContext + ", which this tool does not know (contexts are never fetched).");
		}
		JsonValue proofValue = document.get("proof");
		if (proofValue instanceof jakarta.json.JsonArray array) {
			if (array.size() != 1) {
				throw new Uncheckable("It carries " + array.size() + " proofs; only a single proof can be checked here.");
			}
			proofValue = array.get(0);
		}
		if (!(proofValue instanceof JsonObject proof)) {
			throw new ProofInvalid("It carries no embedded proof (Data Integrity).");
		}
		if (!"DataIntegrityProof".equals(string(proof, "type")) || !CRYPTOSUITE.equals(string(proof, "cryptosuite"))) {
			throw new Uncheckable("Its proof is of a kind this tool cannot check (" + string(proof, "type") + " "
					+ string(proof, "cryptosuite") + "); it checks DataIntegrityProof with eddsa-rdfc-2022.");
		}
		if (!"assertionMethod".equals(string(proof, "proofPurpose"))) {
			throw new ProofInvalid("Its proof is not made for issuing (proofPurpose " + string(proof, "proofPurpose") + ").");
		}
		String method = string(proof, "verificationMethod");
		String signatureText = string(proof, "proofValue");
		if (method == null || signatureText == null) {
			throw new ProofInvalid("Its proof lacks a verification method or a proof value.");
		}
		String controller = method.contains("#") ? method.substring(0, method.indexOf('#')) : method;
		String issuer = issuerId(document);
		if (!controller.equals(issuer)) {
			throw new ProofInvalid("It is signed with a key of " + controller + ", not of its issuer " + issuer + ".");
		}
		byte[] publicKey = resolve(method).orElseThrow(() -> new KeyUnresolvable("The signing key " + method
				+ " cannot be resolved without fetching it (this tool resolves did:key and its own keys)."));
		byte[] signature = Multikeys.decodeBase58btc(signatureText)
				.orElseThrow(() -> new ProofInvalid("The proof value is not a base58btc multibase value."));
		JsonObject options = JSON.createObjectBuilder(proof).remove("proofValue").build();
		JsonObject unsigned = JSON.createObjectBuilder(document).remove("proof").build();
		try {
			Set<String> undefined = loader.undefinedTerms(unsigned);
			if (!undefined.isEmpty()) {
				throw new ProofInvalid("It uses terms none of its contexts defines, which a signature cannot cover: "
						+ String.join(", ", undefined) + ".");
			}
			if (!Multikeys.verifyEd25519(publicKey, hashData(unsigned, options), signature)) {
				throw new ProofInvalid("The signature does not match: the credential was changed after it was signed, "
						+ "or it was not signed with this key.");
			}
		}
		catch (JsonLdError ex) {
			throw new ProofInvalid("It cannot be read as JSON-LD: " + ex.getMessage());
		}
		catch (CanonicalForm.TooComplex ex) {
			throw tooComplex(ex);
		}
	}

	private static TooComplex tooComplex(CanonicalForm.TooComplex ex) {
		return new TooComplex("It could not be checked: it is too complex (" + ex.getMessage() + "). Credentials are far simpler.");
	}

	/** The issuer id of a credential: {@code issuer} as a string or {@code issuer.id}. */
	public static String issuerId(JsonObject document) {
		JsonValue issuer = document.get("issuer");
		if (issuer instanceof JsonString s) {
			return s.getString();
		}
		return issuer instanceof JsonObject o ? string(o, "id") : null;
	}

	private Optional<byte[]> resolve(String method) {
		if (method.startsWith("did:key:")) {
			String multibase = method.substring("did:key:".length(), method.contains("#") ? method.indexOf('#') : method.length());
			String fragment = method.contains("#") ? method.substring(method.indexOf('#') + 1) : multibase;
			return fragment.equals(multibase) ? Multikeys.decodeEd25519(multibase) : Optional.empty();
		}
		if (settings.didWeb() && method.startsWith(settings.didWebId() + "#")) {
			return keys.publicKey(method.substring(method.indexOf('#') + 1)).filter(k -> CredentialKeys.ED25519.equals(k.algorithm()))
					.map(CredentialKeys.PublicKey::raw);
		}
		return Optional.empty();
	}

	/**
	 * SHA-256 of the canonical proof options (with the document's context), then of the canonical document. The
	 * options' form comes from {@link CanonicalProofOptions}; the document is always canonicalised in full.
	 */
	private byte[] hashData(JsonObject document, JsonObject options) throws JsonLdError {
		JsonValue context = document.get("@context");
		JsonObject config = JSON.createObjectBuilder().add("@context", context == null ? JsonValue.NULL : context)
				.addAll(JSON.createObjectBuilder(options)).build();
		byte[] a = sha256(proofOptions.of(config));
		byte[] b = sha256(canonical(document));
		byte[] both = new byte[64];
		System.arraycopy(a, 0, both, 0, 32);
		System.arraycopy(b, 0, both, 32, 32);
		return both;
	}

	/** RDFC-1.0 canonical N-Quads of a JSON-LD document, within the bounds of {@link CanonicalForm}. */
	String canonical(JsonObject document) throws JsonLdError {
		return CanonicalForm.of(document, loader);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] ed25519Sign(byte[] seed, byte[] data) {
		try {
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)));
			signer.update(data);
			return signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String string(JsonObject o, String key) {
		JsonValue v = o.get(key);
		return v instanceof JsonString s ? s.getString() : null;
	}

	public static JsonObject parse(String json) {
		try (JsonReader reader = JSON.createReader(new StringReader(json))) {
			return reader.readObject();
		}
	}
}
