// An independent OpenID4VCI 1.0 wallet: the npm client @openid4vc/openid4vci (oid4vc-ts), with a fresh key from jose.
//   node wallet.mjs <openid-credential-offer://...> <tx-code or -> <ES256|EdDSA>
// Resolves the offer, fetches the issuer and authorization server metadata, gets an access token (with the
// transaction code when the offer asks one), fetches a c_nonce, signs the jwt proof and requests the credential.
// Prints one JSON object on the last line of stdout, after "RESULT ": the credential, the wallet's public key and
// the format the client saw; WalletIssuanceInteropTest asserts on it.
import { createHash, randomBytes } from 'node:crypto';
import { Openid4vciClient, setGlobalConfig } from '@openid4vc/openid4vci';
import { clientAuthenticationAnonymous } from '@openid4vc/oauth2';
import * as jose from 'jose';

const [offerUrl, txCodeArg, alg = 'ES256'] = process.argv.slice(2);
const txCode = txCodeArg && txCodeArg !== '-' ? txCodeArg : undefined;

setGlobalConfig({ allowInsecureUrls: true }); // the tool runs on http://localhost in the test

const { publicKey, privateKey } = await jose.generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : undefined);
const publicJwk = await jose.exportJWK(publicKey);

const client = new Openid4vciClient({
  callbacks: {
    fetch: globalThis.fetch,
    hash: (data, algorithm) => new Uint8Array(createHash(algorithm.replace('-', '')).update(data).digest()),
    generateRandom: (length) => new Uint8Array(randomBytes(length)),
    clientAuthentication: clientAuthenticationAnonymous(),
    signJwt: async (signer, { header, payload }) => {
      const jwt = await new jose.SignJWT(payload).setProtectedHeader(header).sign(privateKey);
      return { jwt, signerJwk: publicJwk };
    },
  },
});

const credentialOffer = await client.resolveCredentialOffer(offerUrl);
const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode });
const { c_nonce } = await client.requestNonce({ issuerMetadata });
const credentialConfigurationId = credentialOffer.credential_configuration_ids[0];
const proof = await client.createCredentialRequestJwtProof({
  issuerMetadata, credentialConfigurationId, nonce: c_nonce,
  signer: { method: 'jwk', alg, publicJwk },
});
const response = await client.retrieveCredentials({
  issuerMetadata, credentialConfigurationId, accessToken: accessTokenResponse.access_token, proofs: { jwt: [proof.jwt] },
});
const credentials = response.credentialResponse.credentials ?? [{ credential: response.credentialResponse.credential }];
console.log('\nRESULT ' + JSON.stringify({
  version: issuerMetadata.originalDraftVersion ?? null,
  tokenType: accessTokenResponse.token_type,
  publicJwk,
  credential: credentials[0].credential,
  count: credentials.length,
}));
