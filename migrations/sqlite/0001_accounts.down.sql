DROP TABLE IF EXISTS activities;
DROP TABLE IF EXISTS password_resets;
DROP TABLE IF EXISTS refresh_sessions;
DROP TABLE IF EXISTS users;
