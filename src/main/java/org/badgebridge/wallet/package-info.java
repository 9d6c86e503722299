/**
 * Sending a badge to a wallet by OpenID for Verifiable Credential Issuance 1.0 (pre-authorized code flow): the issuer
 * and authorization server metadata, a credential offer (QR code and {@code openid-credential-offer://} link, the code
 * single use and at most 10 minutes old, an optional transaction code) from a public, accepted badge in the backpack,
 * the token, nonce and credential endpoints; the wallet proves possession of its key ({@code jwt} proof) and receives
 * an Open Badges 3.0 credential minted afresh by {@code credential} with the holder's DID as its subject.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Wallet (OpenID4VCI)",
		allowedDependencies = { "web", "account", "award", "credential", "platform", "sharing" })
package org.badgebridge.wallet;
