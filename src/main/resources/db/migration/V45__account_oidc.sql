-- OpenID Connect sign-in: a provider's subject linked to one account, with the attributes it released
create table account_oidc_identity (
    issuer         varchar(255) not null,
    subject        varchar(255) not null,
    account_id     varchar(36)  not null,
    provider       varchar(64)  not null,
    email          varchar(320),
    email_verified boolean      not null,
    institution    varchar(255),
    given_name     varchar(255),
    family_name    varchar(255),
    linked_at      bigint       not null,
    seen_at        bigint       not null,
    primary key (issuer, subject)
);
create index account_oidc_identity_account on account_oidc_identity (account_id);

-- an authorization request on its way (state, nonce, PKCE verifier): single use, minutes; the browser that started it
-- holds a cookie whose hash must match
create table account_oidc_request (
    state_hash   varchar(64)  primary key,
    browser_hash varchar(64)  not null,
    provider     varchar(64)  not null,
    purpose      varchar(16)  not null,
    nonce        varchar(64)  not null,
    verifier     varchar(128) not null,
    expires_at   bigint       not null
);
