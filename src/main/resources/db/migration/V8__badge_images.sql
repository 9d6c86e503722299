-- A badge's image, validated (PNG) or sanitised (SVG) on upload; at most 2 MB.
create table badge_image (
    badge_id     varchar(36) primary key,
    content_type varchar(32) not null,
    bytes        mediumblob  not null,
    width        int,
    height       int,
    updated_at   bigint      not null
);
