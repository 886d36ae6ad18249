-- Files and HTML bodies that arrive with contacts. The bytes of a file live on disk, named by their SHA-256.
create table contact_attachment (
    contact_id uuid    not null references contact_contact (id),
    position   int     not null,
    filename   text    not null,
    media_type text    not null,
    size       bigint  not null check (size >= 0),
    sha256     text    not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content_id text,
    inline     boolean not null default false,
    original   boolean not null default false,
    primary key (contact_id, position)
);

create index contact_attachment_sha256 on contact_attachment (sha256);

-- The HTML body as received; it is sanitized wherever it is shown.
create table contact_html (
    contact_id uuid primary key references contact_contact (id),
    html       text not null
);
