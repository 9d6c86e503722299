// Independent checks of BadgeBridge's output, with libraries that share no code with it.
//   node verify.mjs di <credential.json>            DCC verifier-core: Data Integrity proof, expiry, status list
//   node verify.mjs jwt <credential.jwt> <jwks-url>  jose: VC-JWT signature against the published keys + claims
//   node verify.mjs png <file.png> <keyword>         png-chunks-extract: the text of the iTXt chunk with that keyword
// Prints one JSON object on the last line of stdout, after "RESULT "; the Java test (CredentialInteropTest) asserts on it.
import { readFileSync } from 'node:fs';
import { verifyCredential } from '@digitalcredentials/verifier-core';
import * as jose from 'jose';
import extract from 'png-chunks-extract';

const [command, file, extra] = process.argv.slice(2);

async function di() {
  const credential = JSON.parse(readFileSync(file, 'utf8'));
  const result = await verifyCredential({ credential, knownDIDRegistries: [] });
  const log = Object.fromEntries((result.log || []).map(entry => [entry.id, entry.valid]));
  const errors = (result.errors || []).map(e => ({ name: e.name, message: e.message }));
  return { log, errors };
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

const commands = { di, jwt, png };
if (!commands[command]) {
  console.error('usage: node verify.mjs di|jwt|png <file> [jwks-url|keyword]');
  process.exit(2);
}
const out = await commands[command]();
// libraries may log to stdout too: the result is the last line, after a marker
process.stdout.write('\nRESULT ' + JSON.stringify(out) + '\n');
