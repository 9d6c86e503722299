-- Tables of the built-in demo LMS (module demolms). They exist on every database so that the demo can be
-- switched on and off without migrations; they stay empty while the demo is off.

create table demo_key (
    kid         varchar(64) primary key,
    private_jwk text        not null,
    created_at  bigint      not null
);

create table demo_tool (
    client_id          varchar(64)   primary key,
    deployment_id      varchar(64)   not null,
    name               varchar(255)  not null,
    initiate_login_uri varchar(1024) not null,
    redirect_uris      varchar(2048) not null,
    jwks_uri           varchar(1024) not null,
    target_link_uri    varchar(1024) not null,
    deep_linking_uri   varchar(1024),
    scopes             varchar(2048) not null,
    claims             varchar(1024),
    created_at         bigint        not null
);

create table demo_user (
    id    bigint       primary key,
    name  varchar(255) not null,
    email varchar(320) not null,
    role  varchar(16)  not null
);

create table demo_course (
    id    bigint       primary key,
    label varchar(64)  not null,
    title varchar(255) not null
);

create table demo_link (
    id         bigint auto_increment primary key,
    course_id  bigint        not null,
    client_id  varchar(64)   not null,
    title      varchar(255)  not null,
    url        varchar(1024),
    custom     varchar(4000),
    created_at bigint        not null
);

create table demo_lineitem (
    id            bigint auto_increment primary key,
    course_id     bigint        not null,
    client_id     varchar(64),
    link_id       bigint,
    label         varchar(255)  not null,
    score_maximum double        not null,
    resource_id   varchar(255),
    tag           varchar(255),
    created_at    bigint        not null
);

create table demo_grade (
    lineitem_id bigint       not null,
    user_id     bigint       not null,
    score       double,
    maximum     double,
    comment     varchar(1000),
    modified_at bigint       not null,
    primary key (lineitem_id, user_id)
);

create table demo_used_jti (
    jti        varchar(255) primary key,
    expires_at bigint       not null
);
