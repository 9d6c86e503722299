package org.badgebridge.credential;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.canon.RdfCanonTimeTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * RDFC-1.0 canonical N-Quads of a JSON-LD document, within bounds (RDFC-1.0 "Dataset Poisoning": canonicalisation
 * is exponential in blank nodes that look alike, and implementations must stop early). In order, cheapest first:
 * the JSON's size and depth; then, after JSON-LD to RDF (bundled contexts only) and before canonicalising, the
 * number of quads and of blank nodes; then, while canonicalising, a count of titanium-rdfc's steps (each loop and
 * each permutation ticks) and, as a second bound, its time ticker. Our own credentials stay far below every limit
 * (a micro-credential: 66 quads, 6 blank nodes, 35 steps; a status list: 5 quads, 9 steps).
 */
final class CanonicalForm {

	static final int MAX_JSON_VALUES = 10_000;

	static final int MAX_DEPTH = 32;

	static final int MAX_QUADS = 2_000;

	static final int MAX_BLANK_NODES = 100;

	/** Steps allowed per blank node: "more than a couple of iterations per blank node would be unusual" (RDFC-1.0). */
	static final int STEPS_PER_BLANK_NODE = 50;

	static final int MIN_STEPS = 1_000;

	static final long MAX_MILLIS = 1_000;

	/** The document is beyond what is canonicalised here, said in words for the person who gave it. */
	static final class TooComplex extends RuntimeException {

		TooComplex(String message) {
			super(message);
		}
	}

	private CanonicalForm() {
	}

	/** @throws TooComplex when the JSON has more values or deeper nesting than any credential needs */
	static void checkShape(JsonObject document) {
		int values = count(document, 1);
		if (values > MAX_JSON_VALUES) {
			throw new TooComplex("it has more than " + MAX_JSON_VALUES + " JSON values");
		}
	}

	private static int count(JsonValue value, int depth) {
		if (depth > MAX_DEPTH) {
			throw new TooComplex("it is nested more than " + MAX_DEPTH + " levels deep");
		}
		int n = 1;
		if (value instanceof JsonObject o) {
			for (JsonValue v : o.values()) {
				n += count(v, depth + 1);
				if (n > MAX_JSON_VALUES) {
					return n;
				}
			}
		}
		else if (value instanceof JsonArray a) {
			for (JsonValue v : a) {
				n += count(v, depth + 1);
				if (n > MAX_JSON_VALUES) {
					return n;
				}
			}
		}
		return n;
	}

	/** @throws TooComplex when a bound stops the work, naming it */
	static String of(JsonObject document, DocumentLoader loader) throws JsonLdError {
		checkShape(document);
		Bounded bounded = new Bounded();
		JsonLd.toRdf(JsonDocument.of(document)).loader(loader).provide(bounded);
		Steps steps = new Steps(Math.max(MIN_STEPS, (long) STEPS_PER_BLANK_NODE * bounded.blankNodes.size()));
		RdfCanon canon = RdfCanon.create("SHA-256", steps);
		for (String[] q : bounded.quads) {
			canon.quad(q[0], q[1], q[2], q[3], q[4], q[5], q[6]);
		}
		StringWriter out = new StringWriter();
		try {
			canon.provide(new NQuadsWriter(out));
		}
		catch (IllegalStateException ex) {
			throw new TooComplex(steps.exceeded ? "canonicalising its " + bounded.blankNodes.size() + " blank nodes took more than "
					+ steps.max + " steps" : "canonicalising it took more than " + MAX_MILLIS + " ms");
		}
		catch (RdfConsumerException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	/** Counts titanium-rdfc's steps, then asks its time ticker (which starts at the first step). */
	private static final class Steps implements RdfCanonTicker {

		private final long max;

		private final RdfCanonTicker time = new RdfCanonTimeTicker(MAX_MILLIS);

		private long count;

		private boolean exceeded;

		Steps(long max) {
			this.max = max;
		}

		@Override
		public void tick() {
			if (++count > max) {
				exceeded = true;
				throw new IllegalStateException("more than " + max + " steps");
			}
			time.tick();
		}
	}

	/** Keeps the quads JSON-LD to RDF makes, refusing more quads or blank nodes than the bounds. */
	private static final class Bounded implements RdfQuadConsumer {

		private final List<String[]> quads = new ArrayList<>();

		private final Set<String> blankNodes = new HashSet<>();

		@Override
		public RdfQuadConsumer quad(String subject, String predicate, String object, String datatype, String language,
				String direction, String graph) {
			if (quads.size() >= MAX_QUADS) {
				throw new TooComplex("it makes more than " + MAX_QUADS + " RDF statements");
			}
			blank(subject);
			blank(graph);
			if (!RdfQuadConsumer.isLiteral(datatype, language, direction)) {
				blank(object);
			}
			quads.add(new String[] { subject, predicate, object, datatype, language, direction, graph });
			return this;
		}

		private void blank(String term) {
			if (term != null && RdfQuadConsumer.isBlank(term) && blankNodes.add(term) && blankNodes.size() > MAX_BLANK_NODES) {
				throw new TooComplex("it has more than " + MAX_BLANK_NODES + " blank nodes");
			}
		}
	}
}
