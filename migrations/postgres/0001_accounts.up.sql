-- Accounts: users, refresh-token sessions, password resets and the activity log.
-- Later migrations add recipes, favourites, plans and shopping lists.

CREATE TABLE users (
    id                       text        PRIMARY KEY,
    -- erased users keep their row with an anonymised, unique address, so a
    -- plain unique index enforces uniqueness among live users
    email                    text        NOT NULL,
    name                     text        NOT NULL DEFAULT '',
    role                     text        NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
    password_hash            text        NOT NULL DEFAULT '',
    has_completed_onboarding boolean     NOT NULL DEFAULT false,
    preferences              jsonb       NOT NULL DEFAULT '{}',
    failed_attempts          integer     NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    last_failure_at          timestamptz,
    locked_until             timestamptz,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    last_login_at            timestamptz,
    deleted_at               timestamptz
);

CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_created_at_idx ON users (created_at DESC, id DESC);

CREATE TABLE refresh_sessions (
    id          text        PRIMARY KEY,
    user_id     text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   text        NOT NULL,
    token_hash  text        NOT NULL UNIQUE,
    remember_me boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    rotated_at  timestamptz,
    revoked_at  timestamptz
);

CREATE INDEX refresh_sessions_user_id_idx ON refresh_sessions (user_id);
CREATE INDEX refresh_sessions_family_id_idx ON refresh_sessions (family_id);

CREATE TABLE password_resets (
    token_hash text        PRIMARY KEY,
    user_id    text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

CREATE INDEX password_resets_user_id_idx ON password_resets (user_id);

CREATE TABLE activities (
    id          text        PRIMARY KEY,
    user_id     text        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    action      text        NOT NULL,
    details     text        NOT NULL DEFAULT '',
    related_id  text,
    "timestamp" timestamptz NOT NULL,
    metadata    jsonb       NOT NULL DEFAULT '{}'
);

CREATE INDEX activities_user_timestamp_idx ON activities (user_id, "timestamp" DESC);
