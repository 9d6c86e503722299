-- OpenID4VCI pre-authorized code flow: offers (code single use, at most 10 minutes, optional transaction code),
-- (three wrong transaction codes use the code up), access tokens and c_nonces; all secrets stored only as SHA-256 hashes.
create table wallet_offer (
    code_hash     varchar(64) primary key,
    award_id      varchar(36) not null,
    tx_code_hash  varchar(64),
    tx_failures   int         default 0 not null,
    expires_at    bigint      not null,
    used_at       bigint
);
create table wallet_token (
    token_hash  varchar(64) primary key,
    award_id    varchar(36) not null,
    expires_at  bigint      not null
);
create table wallet_nonce (
    nonce_hash  varchar(64) primary key,
    expires_at  bigint      not null,
    used_at     bigint
);
