-- Accounts: users, refresh-token sessions, password resets and the activity log.
-- Later migrations add recipes, favourites, plans and shopping lists.
-- Timestamps are stored as UTC text 'YYYY-MM-DD HH:MM:SS.ffffff+00:00' by the
-- adapter, so text order is time order; JSON is text checked by json_valid.

CREATE TABLE users (
    id                       TEXT      PRIMARY KEY,
    -- erased users keep their row with an anonymised, unique address, so a
    -- plain unique index enforces uniqueness among live users
    email                    TEXT      NOT NULL,
    name                     TEXT      NOT NULL DEFAULT '',
    role                     TEXT      NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
    password_hash            TEXT      NOT NULL DEFAULT '',
    has_completed_onboarding INTEGER   NOT NULL DEFAULT 0,
    preferences              TEXT      NOT NULL DEFAULT '{}' CHECK (json_valid(preferences)),
    failed_attempts          INTEGER   NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    last_failure_at          TIMESTAMP,
    locked_until             TIMESTAMP,
    created_at               TIMESTAMP NOT NULL,
    updated_at               TIMESTAMP NOT NULL,
    last_login_at            TIMESTAMP,
    deleted_at               TIMESTAMP
);

CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_created_at_idx ON users (created_at DESC, id DESC);

CREATE TABLE refresh_sessions (
    id          TEXT      PRIMARY KEY,
    user_id     TEXT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   TEXT      NOT NULL,
    token_hash  TEXT      NOT NULL UNIQUE,
    remember_me INTEGER   NOT NULL DEFAULT 0,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    rotated_at  TIMESTAMP,
    revoked_at  TIMESTAMP
);

CREATE INDEX refresh_sessions_user_id_idx ON refresh_sessions (user_id);
CREATE INDEX refresh_sessions_family_id_idx ON refresh_sessions (family_id);

CREATE TABLE password_resets (
    token_hash TEXT      PRIMARY KEY,
    user_id    TEXT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);

CREATE INDEX password_resets_user_id_idx ON password_resets (user_id);

CREATE TABLE activities (
    id          TEXT      PRIMARY KEY,
    user_id     TEXT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    action      TEXT      NOT NULL,
    details     TEXT      NOT NULL DEFAULT '',
    related_id  TEXT,
    "timestamp" TIMESTAMP NOT NULL,
    metadata    TEXT      NOT NULL DEFAULT '{}' CHECK (json_valid(metadata))
);

CREATE INDEX activities_user_timestamp_idx ON activities (user_id, "timestamp" DESC);
