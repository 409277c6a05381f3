-- An administrator's password reset: the user must choose their own password at the next sign-in.
ALTER TABLE account ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
