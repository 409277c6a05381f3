-- Declared limits count a member's open applications and benefits inside the write transaction: index them by
-- member, so the check costs an index probe whatever the program's size.
CREATE INDEX program_application_by_member ON program_application (program, member_id);
CREATE INDEX program_benefit_by_member ON program_benefit (program, member_id, period);
CREATE INDEX program_benefit_by_program_household ON program_benefit (program, household_id, year);
