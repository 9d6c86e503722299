-- A Dynamic Registration that names a client id we have already proposes new values; they wait here for the
-- admin (one pending change per registration) unless the platform signed an update of that very tool.
create table platform_registration_change (
    registration_id        bigint        not null primary key,
    product_family         varchar(64),
    authorization_endpoint varchar(1024) not null,
    token_endpoint         varchar(1024) not null,
    token_audience         varchar(1024),
    jwks_uri               varchar(1024) not null,
    deployment_id          varchar(255),
    requested_at           bigint        not null,
    constraint fk_registration_change foreign key (registration_id)
        references platform_registration (id) on delete cascade
);
