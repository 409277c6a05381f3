-- The last working day an application may stay in its state (a state with a declared deadline), or NULL.
ALTER TABLE program_application ADD COLUMN deadline TEXT;
CREATE INDEX program_application_by_deadline ON program_application (program, deadline);
