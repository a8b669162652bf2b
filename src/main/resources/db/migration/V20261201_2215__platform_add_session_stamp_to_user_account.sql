-- bumped whenever a user's role, enabled state or password changes; a session remembers the
-- value it was opened with and ends on its next request once the two differ
ALTER TABLE user_account ADD COLUMN session_stamp BIGINT NOT NULL DEFAULT 0;
