-- Foundation schema. Portable between H2 (MySQL mode) and MySQL/MariaDB: lower_snake_case names,
-- times as epoch milliseconds (bigint) so that no node's time zone matters.

create table platform_registration (
    id                     bigint auto_increment primary key,
    issuer                 varchar(255)  not null,
    client_id              varchar(255)  not null,
    name                   varchar(255)  not null,
    product_family         varchar(64),
    authorization_endpoint varchar(1024) not null,
    token_endpoint         varchar(1024) not null,
    token_audience         varchar(1024),
    jwks_uri               varchar(1024) not null,
    frame_origins          varchar(1024),
    state                  varchar(16)   not null,
    accept_new_deployments boolean       not null default false,
    created_by             varchar(32)   not null,
    created_at             bigint        not null,
    updated_at             bigint        not null,
    constraint uq_registration_issuer_client unique (issuer, client_id)
);

create table platform_deployment (
    id              bigint auto_increment primary key,
    registration_id bigint       not null,
    deployment_id   varchar(255) not null,
    state           varchar(16)  not null,
    recorded_at_launch boolean   not null default false,
    created_at      bigint       not null,
    constraint uq_deployment unique (registration_id, deployment_id),
    constraint fk_deployment_registration foreign key (registration_id)
        references platform_registration (id) on delete cascade
);

create table tool_key (
    kid         varchar(64) primary key,
    private_jwk text        not null,
    created_at  bigint      not null,
    retired_at  bigint
);

create table lti_login_state (
    state           varchar(64)  primary key,
    nonce           varchar(64)  not null,
    registration_id bigint       not null,
    storage_target  varchar(255),
    auth_request    text         not null,
    expires_at      bigint       not null,
    constraint fk_state_registration foreign key (registration_id)
        references platform_registration (id) on delete cascade
);
create index ix_login_state_expiry on lti_login_state (expires_at);

create table lti_pending_launch (
    id         varchar(64) primary key,
    state      varchar(64) not null,
    launch     text        not null,
    expires_at bigint      not null
);

create table tool_session (
    id               varchar(64)  primary key,
    registration_id  bigint       not null,
    deployment_id    varchar(255) not null,
    context_id       bigint,
    member_id        bigint,
    user_sub         varchar(255) not null,
    display_name     varchar(255),
    role             varchar(16)  not null,
    locale           varchar(32),
    resource_link_id bigint,
    badge_id         varchar(36),
    deep_linking     text,
    created_at       bigint       not null,
    expires_at       bigint       not null
);
create index ix_tool_session_expiry on tool_session (expires_at);

create table course_context (
    id                  bigint auto_increment primary key,
    registration_id     bigint       not null,
    deployment_id       varchar(255) not null,
    lms_context_id      varchar(255) not null,
    label               varchar(255),
    title               varchar(255),
    lineitems_url       varchar(1024),
    ags_scopes          varchar(1024),
    memberships_url     varchar(1024),
    last_launch_at      bigint       not null,
    created_at          bigint       not null,
    constraint uq_course_context unique (registration_id, lms_context_id)
);

create table course_member (
    id             bigint auto_increment primary key,
    context_id     bigint       not null,
    user_sub       varchar(255) not null,
    name           varchar(255),
    email          varchar(320),
    roles          varchar(2048),
    role           varchar(16)  not null,
    locale         varchar(32),
    last_launch_at bigint,
    constraint uq_course_member unique (context_id, user_sub),
    constraint fk_member_context foreign key (context_id) references course_context (id) on delete cascade
);

create table course_resource_link (
    id              bigint auto_increment primary key,
    context_id      bigint        not null,
    lms_link_id     varchar(255)  not null,
    title           varchar(255),
    lineitem_url    varchar(1024),
    badge_id        varchar(36),
    last_launch_at  bigint        not null,
    constraint uq_resource_link unique (context_id, lms_link_id),
    constraint fk_link_context foreign key (context_id) references course_context (id) on delete cascade
);

create table badge_class (
    id          varchar(36)   primary key,
    name        varchar(255)  not null,
    description varchar(4000),
    context_id  bigint,
    created_by  varchar(255),
    created_at  bigint        not null,
    updated_at  bigint        not null
);
create index ix_badge_class_context on badge_class (context_id);
