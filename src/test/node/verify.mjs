// Independent checks of BadgeBridge's output, with libraries that share no code with it.
//   node verify.mjs di <credential.json> [<schema.json>]
//                                                  DCC verifier-core: Data Integrity proof, expiry, status list, and
//                                                  (its own ajv check) 1EdTech's JSON Schema, which it would fetch from
//                                                  the purl: given the pinned copy, that URL is answered with it
//   node verify.mjs di-web <credential.json> <did-document.json> <context-url> <context.json>
//                                                  @digitalcredentials/vc with a static loader: a did:web issuer (its
//                                                  DID document handed over, as verifier-core would fetch it)
//   node verify.mjs jwt <credential.jwt> <jwks-url>  jose: VC-JWT signature against the published keys + claims
//   node verify.mjs png <file.png> <keyword>         png-chunks-extract: the text of the iTXt chunk with that keyword
// Prints one JSON object on the last line of stdout, after "RESULT "; the Java test (CredentialInteropTest) asserts on it.
import { readFileSync } from 'node:fs';
import { verifyCredential } from '@digitalcredentials/verifier-core';
import * as vc from '@digitalcredentials/vc';
import { securityLoader } from '@digitalcredentials/security-document-loader';
import { DataIntegrityProof } from '@digitalcredentials/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite';
import * as jose from 'jose';
import extract from 'png-chunks-extract';

const [command, file, extra, ...more] = process.argv.slice(2);

const OB3_SCHEMA_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

function servePinnedSchema(path) {
  const schema = readFileSync(path, 'utf8');
  const fetchOnline = globalThis.fetch;
  globalThis.fetch = async (url, init) => String(url) === OB3_SCHEMA_URL
    ? new Response(schema, { status: 200, headers: { 'content-type': 'application/json' } })
    : fetchOnline(url, init);
}

async function di() {
  const credential = JSON.parse(readFileSync(file, 'utf8'));
  if (extra) {
    servePinnedSchema(extra);
  }
  const result = await verifyCredential({ credential, knownDIDRegistries: [] });
  const log = Object.fromEntries((result.log || []).map(entry => [entry.id, entry.valid]));
  const errors = (result.errors || []).map(e => ({ name: e.name, message: e.message }));
  const check = (result.additionalInformation || []).find(entry => entry.id === 'schema_check');
  const schema = Array.isArray(check?.results)
    ? check.results.map(r => ({ schema: r.schema, valid: r.result.valid, errors: (r.result.errors || []).map(e => `${e.instancePath} ${e.message}`) }))
    : check?.results ?? null;
  return { log, errors, schema };
}

async function diWeb() {
  const credential = JSON.parse(readFileSync(file, 'utf8'));
  const didDocument = JSON.parse(readFileSync(extra, 'utf8'));
  const loader = securityLoader({ fetchRemoteContexts: false });
  loader.addStatic(didDocument.id, didDocument);
  for (const method of didDocument.verificationMethod) {
    loader.addStatic(method.id, { '@context': 'https://w3id.org/security/multikey/v1', ...method });
  }
  loader.addStatic(more[0], JSON.parse(readFileSync(more[1], 'utf8')));
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  // the status list lives at the issuer's https host, not reachable here: status is checked by the 'di' command
  const checkStatus = async () => ({ verified: true });
  const result = await vc.verifyCredential({ credential, suite, documentLoader: loader.build(), checkStatus });
  return { verified: result.verified, error: result.error ? String(result.error.message || result.error) : null };
}

async function jwt() {
  const token = readFileSync(file, 'utf8').trim();
  const keys = jose.createRemoteJWKSet(new URL(extra));
  try {
    const { payload, protectedHeader } = await jose.jwtVerify(token, keys, { algorithms: ['RS256'] });
    const claimsMatch = payload.iss === payload.issuer?.id && payload.jti === payload.id
      && payload.sub === payload.credentialSubject?.id
      && payload.nbf === Math.floor(Date.parse(payload.validFrom) / 1000)
      && (payload.validUntil === undefined || payload.exp === Math.floor(Date.parse(payload.validUntil) / 1000));
    return { verified: true, alg: protectedHeader.alg, kid: protectedHeader.kid, claimsMatch, type: payload.type };
  } catch (e) {
    return { verified: false, error: e.code || e.message };
  }
}

function png() {
  const chunks = extract(new Uint8Array(readFileSync(file)));
  for (const chunk of chunks) {
    if (chunk.name !== 'iTXt') continue;
    const data = Buffer.from(chunk.data);
    const nul = data.indexOf(0);
    if (data.toString('latin1', 0, nul) !== extra) continue;
    const compressed = data[nul + 1];
    let at = nul + 3;
    at = data.indexOf(0, at) + 1; // language tag
    at = data.indexOf(0, at) + 1; // translated keyword
    return { found: true, compressed: compressed === 1, text: data.toString('utf8', at) };
  }
  return { found: false, chunks: chunks.map(c => c.name) };
}

const commands = { di, 'di-web': diWeb, jwt, png };
if (!commands[command]) {
  console.error('usage: node verify.mjs di|jwt|png <file> [jwks-url|keyword]');
  process.exit(2);
}
const out = await commands[command]();
// libraries may log to stdout too: the result is the last line, after a marker
process.stdout.write('\nRESULT ' + JSON.stringify(out) + '\n');
